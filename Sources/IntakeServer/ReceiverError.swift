import Hummingbird

/// Every way a post can fail, with the status it answers and texts in both reply languages.
public enum ReceiverError: Error, Equatable, Sendable {
  case unknownForm(String)
  case noSuchPage
  case unsupportedMediaType
  case badSubmission(SubmissionParseError)
  case missingConsent
  case foreignOrigin
  case missingOrigin
  case tooLarge(limit: Int)
  case tooManyRequests(retryAfter: Int)
  case spoolFailed

  public var status: HTTPResponse.Status {
    switch self {
    case .unknownForm, .noSuchPage: .notFound
    case .unsupportedMediaType: .unsupportedMediaType
    case .badSubmission, .missingConsent: .badRequest
    case .foreignOrigin, .missingOrigin: .forbidden
    case .tooLarge: .contentTooLarge
    case .tooManyRequests: .tooManyRequests
    case .spoolFailed: .internalServerError
    }
  }

  /// A short machine-readable code for JSON replies.
  public var code: String {
    switch self {
    case .unknownForm: "unknown_form"
    case .noSuchPage: "not_found"
    case .unsupportedMediaType: "unsupported_media_type"
    case .badSubmission: "bad_submission"
    case .missingConsent: "missing_consent"
    case .foreignOrigin: "foreign_origin"
    case .missingOrigin: "missing_origin"
    case .tooLarge: "too_large"
    case .tooManyRequests: "too_many_requests"
    case .spoolFailed: "server_error"
    }
  }

  public func title(_ language: ReplyLanguage) -> String {
    if self == .noSuchPage { return language == .ja ? "ページが見つかりません" : "Page not found" }
    return switch (status.code, language) {
    case (400, .ja): "送信内容を受け付けられませんでした"
    case (400, .en): "The submission could not be accepted"
    case (403, .ja): "このページからの送信は受け付けていません"
    case (403, .en): "Submissions from this page are not accepted"
    case (404, .ja): "そのフォームはありません"
    case (404, .en): "There is no such form"
    case (413, .ja): "送信内容が大きすぎます"
    case (413, .en): "The submission is too large"
    case (415, .ja): "この形式の送信は受け付けていません"
    case (415, .en): "This kind of submission is not accepted"
    case (429, .ja): "短い時間に送信が集中しています"
    case (429, .en): "Too many submissions in a short time"
    case (_, .ja): "受付でエラーが起きました"
    case (_, .en): "Something went wrong on our side"
    }
  }

  public func message(_ language: ReplyLanguage) -> String {
    let ja = language == .ja
    switch self {
    case .unknownForm(let name):
      return ja
        ? "「\(name)」という名前の投稿フォームはありません。サイトのフォーム一覧からお選びください。"
        : "There is no submission form named '\(name)'. Please choose one from the site's list of forms."
    case .noSuchPage:
      return ja
        ? "この受付サーバーにそのページはありません。フォームはサイトからお使いください。"
        : "This submission server has no such page. Please use the forms on the site."
    case .unsupportedMediaType:
      return ja
        ? "フォームの送信（application/x-www-form-urlencoded、multipart/form-data）か JSON で送ってください。"
        : "Send the form as application/x-www-form-urlencoded, multipart/form-data or JSON."
    case .badSubmission(let error):
      return ja ? error.ja : error.en
    case .missingConsent:
      return ja
        ? "個人情報の取り扱いへの同意が確認できませんでした。フォームに戻り、同意の欄にチェックを入れて送信してください。"
        : "We could not see your agreement to the privacy note. Please go back, tick the consent box and send the form again."
    case .foreignOrigin:
      return ja
        ? "このサイトのフォーム以外から送られた内容は受け付けていません。サイトのフォームからお送りください。"
        : "Only posts from this site's own forms are accepted. Please use the form on the site."
    case .missingOrigin:
      return ja
        ? "送信元のページが分からないため受け付けられませんでした。ブラウザでサイトのフォームからお送りください。"
        : "The page the post came from is unknown, so it was refused. Please send it from the site's form in a browser."
    case .tooLarge(let limit):
      return ja
        ? "送信できる大きさは \(limit / 1024) KiB までです。本文を短くしてお送りください。"
        : "A submission may be at most \(limit / 1024) KiB. Please shorten the text and send it again."
    case .tooManyRequests(let seconds):
      return ja
        ? "同じ場所からの送信が続いたため、一時的に受付を止めています。\(seconds) 秒ほど待ってからもう一度お送りください。"
        : "Too many submissions came from your address. Please wait about \(seconds) seconds and send it again."
    case .spoolFailed:
      return ja
        ? "送信内容を保存できませんでした。内容は受け付けられていません。時間をおいてもう一度お送りいただくか、事務局にご連絡ください。"
        : "Your submission could not be saved and has not been received. Please try again later or contact the hub office."
    }
  }
}
