import HTTPTypes

/// Header names HTTPTypes has no constant for.
enum HeaderNames {
  // The literals are valid header names, so these initialisers cannot fail.
  static let forwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via
  static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options") ?? .contentType
  static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .referer
}
