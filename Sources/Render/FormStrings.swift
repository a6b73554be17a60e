import Schema

/// Interface texts of the submission form pages.
enum FormStrings {
  static let formsHeading = Labels(ja: "投稿フォーム", en: "Submission forms", de: "Einreichungsformulare")
  static let formsIntro = Labels(
    ja: "医療現場のニーズ、技術シーズ、企業プロフィール、セミナーの企画をお寄せください。事務局が内容を確認してから掲載します。",
    en:
      "Send us a clinical need, a technology seed, a company profile or a seminar proposal. The hub office reviews every submission before it is published.",
    de:
      "Senden Sie uns einen klinischen Bedarf, ein Technologieangebot, ein Firmenprofil oder einen Seminarvorschlag. Die Geschäftsstelle prüft jede Einreichung vor der Veröffentlichung."
  )
  static let formIntro = Labels(
    ja: "送信された内容は、事務局が確認してから下書きとして取り込み、必要に応じてご連絡のうえ掲載します。送信しただけでは公開されません。",
    en:
      "The hub office reviews what you send, may contact you with questions, and publishes it only after that review. Nothing is published just by sending it.",
    de:
      "Die Geschäftsstelle prüft Ihre Angaben, meldet sich bei Rückfragen und veröffentlicht erst danach. Durch das Absenden allein wird nichts veröffentlicht."
  )
  static let required = Labels(ja: "必須", en: "required", de: "Pflichtfeld")
  static let requiredNote = Labels(
    ja: "「必須」の項目は必ずご記入ください。", en: "Fields marked “required” must be filled in.",
    de: "Mit „Pflichtfeld“ markierte Felder müssen ausgefüllt werden.")
  static let entryFields = Labels(ja: "掲載する内容", en: "What will be published", de: "Was veröffentlicht wird")
  static let chooseAll = Labels(
    ja: "当てはまるものをすべて選んでください。", en: "Choose all that apply.", de: "Alles Zutreffende auswählen.")
  static let chooseOne = Labels(ja: "選択してください", en: "Please choose", de: "Bitte wählen")
  static let yes = Labels(ja: "はい", en: "Yes", de: "Ja")
  static let no = Labels(ja: "いいえ", en: "No", de: "Nein")
  static let jstNote = Labels(
    ja: "日本時間（JST）で入力してください。", en: "Enter the time in Japan time (JST).",
    de: "Bitte in japanischer Zeit (JST) angeben.")
  static let wholeNumber = Labels(ja: "半角数字で入力してください。", en: "A whole number.", de: "Eine ganze Zahl.")
  static let urlNote = Labels(
    ja: "https:// から始まる URL を入力してください。", en: "A web address starting with https://.",
    de: "Eine Webadresse, die mit https:// beginnt.")
  static let listNote = Labels(
    ja: "一つの欄に一つずつ入力してください（空欄のままでもかまいません）。", en: "One per box; leave the rest empty.",
    de: "Ein Eintrag pro Feld; die übrigen leer lassen.")
  static let body = Labels(ja: "詳しい内容", en: "Details", de: "Details")
  static let bodyHelp = Labels(
    ja: "掲載ページの本文になります。段落は空行で区切ってください。個人名や連絡先、秘密にしたい技術の詳細は書かないでください。",
    en:
      "This becomes the text of the published page. Separate paragraphs with an empty line. Do not include personal names, contact details or confidential technical details.",
    de:
      "Dies wird der Text der veröffentlichten Seite. Absätze durch eine Leerzeile trennen. Keine Namen, Kontaktdaten oder vertraulichen technischen Details angeben."
  )
  static let contactHeading = Labels(
    ja: "ご連絡先（公開されません）", en: "Your contact details (never published)",
    de: "Ihre Kontaktdaten (werden nicht veröffentlicht)")
  static let contactNote = Labels(
    ja: "事務局からの確認のご連絡にだけ使います。サイトには掲載しません。",
    en: "Used only by the hub office to contact you about this submission. They never appear on the site.",
    de: "Nur für Rückfragen der Geschäftsstelle. Sie erscheinen nie auf der Website.")
  static let contactName = Labels(ja: "お名前", en: "Your name", de: "Ihr Name")
  static let contactOrganization = Labels(ja: "ご所属", en: "Organisation", de: "Organisation")
  static let contactEmail = Labels(ja: "メールアドレス", en: "E-mail", de: "E-Mail")
  static let contactPhone = Labels(ja: "電話番号", en: "Phone", de: "Telefon")
  static let consent = Labels(
    ja: "入力した連絡先を、この投稿に関する事務局からの連絡に使うことに同意します。",
    en: "I agree that the hub office uses these contact details to reach me about this submission.",
    de:
      "Ich bin einverstanden, dass die Geschäftsstelle mich über diese Kontaktdaten zu dieser Einreichung kontaktiert.")
  static let privacyLink = Labels(
    ja: "個人情報の取り扱い（相談窓口のページ）", en: "How personal data is handled (consultation page, in Japanese)",
    de: "Umgang mit personenbezogenen Daten (Beratungsseite, auf Japanisch)")
  static let submit = Labels(ja: "送信する", en: "Send", de: "Absenden")
  static let honeypot = Labels(
    ja: "この欄は空のままにしてください", en: "Leave this field empty", de: "Dieses Feld leer lassen")
  static let notOpenHeading = Labels(
    ja: "オンラインでの受付は準備中です", en: "Online submission is not open yet",
    de: "Die Online-Einreichung ist noch nicht geöffnet")
  static let notOpenText = Labels(
    ja: "このフォームからの送信はまだ受け付けていません。下の項目を参考に内容をまとめ、相談窓口のページの案内に沿って、本構想の事務局にお送りください。",
    en:
      "This form cannot be sent online yet. Please gather the items below and send them to the initiative's office as described on the consultation page.",
    de:
      "Dieses Formular kann noch nicht online abgeschickt werden. Bitte stellen Sie die folgenden Angaben zusammen und senden Sie sie wie auf der Beratungsseite beschrieben an die Geschäftsstelle."
  )
  static let consultationLink = Labels(
    ja: "相談窓口（お申し込みの方法）", en: "Consultation desk: how to reach the office (in Japanese)",
    de: "Beratungsstelle: So erreichen Sie die Geschäftsstelle (auf Japanisch)")
  static let checklistHeading = Labels(
    ja: "お送りいただく項目", en: "Items to send", de: "Zu sendende Angaben")
  static let allowedValues = Labels(ja: "選択肢", en: "Choices", de: "Auswahl")
  static let postNeed = Labels(ja: "ニーズ・シーズを投稿する", en: "Post a need or seed", de: "Bedarf oder Angebot einreichen")
  static let formDescriptions: [String: Labels] = [
    "need": Labels(
      ja: "医療現場の困りごとや、改良したい機器についての投稿です。", en: "A problem in clinical practice, or a device that needs improving.",
      de: "Ein Problem aus der klinischen Praxis oder ein verbesserungswürdiges Gerät."),
    "seed": Labels(
      ja: "医療分野に生かせそうな自社・研究室の技術の投稿です。", en: "A technology of your company or lab that could serve medicine.",
      de: "Eine Technologie Ihres Unternehmens oder Labors, die der Medizin dienen könnte."),
    "company": Labels(
      ja: "企業データベースに掲載する企業プロフィールの登録です。", en: "A profile for the company directory.",
      de: "Ein Profil für das Unternehmensverzeichnis."),
    "seminar": Labels(
      ja: "ハブで告知するセミナー・イベントの企画の提案です。", en: "A seminar or event to announce on the hub.",
      de: "Ein Seminar oder eine Veranstaltung zur Ankündigung auf dem Hub."),
  ]
}
