//! The launch announcement email in four languages: plain text and HTML, with every typed
//! value escaped and a placeholder where one is missing.

use crate::conditions::who_signs_in;
use crate::content::{Link, LinkKind, WhoSignsIn};
use crate::support_links::{build_url, link_html, Attribution};
use crate::text::html_escape;
use crate::vocab::{Audience, Lang, Level};

/// What the agency types for its launch announcement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailInput {
    pub agency: String,
    pub application: String,
    /// A time frame written by the agency, e.g. "early March 2027"; never an exact date.
    pub launch_window: String,
    /// A level that verifies identity adds its identity-verification paragraph.
    pub level: Option<Level>,
    /// How to reach the agency's own help desk (email, web page, or the agency's own phone).
    pub help_desk: String,
    pub lang: Lang,
    /// Optional `?agency=…&integration=…` for the Login.gov links.
    pub attribution: Attribution,
    /// Who signs in: the email-address advice and the sign-in methods follow it. Unknown gets
    /// the text true for both the public and the workforce.
    pub audience: Option<Audience>,
    /// True only when the agency says in-person verification is enabled for the integration:
    /// Login.gov offers it to some partner agencies, so the email never promises it otherwise.
    pub in_person: bool,
}

impl Default for EmailInput {
    fn default() -> Self {
        EmailInput {
            agency: String::new(),
            application: String::new(),
            launch_window: String::new(),
            level: None,
            help_desk: String::new(),
            lang: Lang::En,
            attribution: Attribution::default(),
            audience: None,
            in_person: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    /// Plain text, URLs written out in angle brackets, `\n` line endings.
    pub text: String,
    /// An HTML fragment wrapped in `<div lang="…">`.
    pub html: String,
}

/// The sentences of the launch email in one language. `{name}` marks a value.
struct Words {
    subject: &'static str,
    greeting: &'static str,
    intro: &'static str,
    todo_heading: &'static str,
    /// Create an account, which email to use (the public's version), an existing account, the
    /// old password.
    todo: [&'static str; 4],
    /// Which email to use, for a workforce audience, and for a mixed or unknown one.
    email_workforce: &'static str,
    email_mixed: &'static str,
    /// The phishing-resistant requirement, for a workforce audience, and for a mixed one.
    mfa_workforce: &'static str,
    mfa_mixed: &'static str,
    ial2: &'static str,
    /// Identity verification without a facial match (basic verification).
    basic_idv: &'static str,
    /// Verifying at a Post Office instead, where the integration has it enabled.
    in_person: &'static str,
    help_heading: &'static str,
    help: [&'static str; 2],
    closing: &'static str,
    ph_agency: &'static str,
    ph_application: &'static str,
    ph_window: &'static str,
    ph_help_desk: &'static str,
}

const EN: Words = Words {
    subject: "{application} will use Login.gov for sign-in",
    greeting: "Hello,",
    intro: "{agency} is changing how you sign in to {application}. Starting {window}, you will sign in with a Login.gov account. Login.gov is a secure sign-in service used by U.S. government agencies.",
    todo_heading: "What you need to do:",
    todo: [
        "Create your Login.gov account now: {create_link}",
        "If you do not have a {application} profile yet, use a personal email address that you control rather than a work address. If you already have one, use the email address {agency} asks you to use. Never use an address you share with someone else.",
        "If you already have a Login.gov account, you can use it. You do not need to create a new one.",
        "Your old {application} username and password will not carry over to Login.gov.",
    ],
    email_workforce: "Use the email address {agency} asks you to use. You can add more than one email address to your Login.gov account and choose which one {agency} receives.",
    email_mixed: "Use an email address that you control and that nobody else uses. If you sign in for work, use the email address {agency} asks you to use.",
    mfa_workforce: "{application} requires a phishing-resistant way to sign in: a security key, face or touch unlock, or a PIV or CAC card. Text or voice codes and authentication apps will not work.",
    mfa_mixed: "If you sign in to {application} for work, you will need a phishing-resistant way to sign in: a security key, face or touch unlock, or a PIV or CAC card.",
    ial2: "You will also need to verify your identity once. You will take photos of your driver's license, state ID card or U.S. passport and a selfie, and give your Social Security number and a phone number or mailing address.",
    basic_idv: "You will also need to verify your identity once, with your driver's license, state ID card or U.S. passport, your Social Security number and a phone number or mailing address.",
    in_person: "Instead of taking photos of your ID, you can finish verifying in person at a participating Post Office. Bring your driver's license or state ID card: passports are not accepted in person.",
    help_heading: "Where to get help:",
    help: [
        "For questions about {application}, contact {help_desk}.",
        "For help with your Login.gov account, see the Login.gov help center at {help_link} or contact Login.gov at {contact_link}.",
    ],
    closing: "Thank you,",
    ph_agency: "[agency name]",
    ph_application: "[application name]",
    ph_window: "[launch time frame]",
    ph_help_desk: "[help-desk contact]",
};

const ES: Words = Words {
    subject: "{application} usará Login.gov para iniciar sesión",
    greeting: "Hola:",
    intro: "{agency} está cambiando la forma de iniciar sesión en {application}. A partir de {window}, usted iniciará sesión con una cuenta de Login.gov. Login.gov es un servicio seguro de inicio de sesión que usan las agencias del Gobierno de los Estados Unidos.",
    todo_heading: "Lo que debe hacer:",
    todo: [
        "Cree su cuenta de Login.gov ahora: {create_link}",
        "Si todavía no tiene un perfil en {application}, use una dirección de correo electrónico personal que usted controle, en lugar de una del trabajo. Si ya tiene uno, use la dirección que {agency} le indique. No use nunca una dirección que comparta con otra persona.",
        "Si ya tiene una cuenta de Login.gov, puede usarla. No necesita crear una nueva.",
        "Su nombre de usuario y contraseña anteriores de {application} no se transferirán a Login.gov.",
    ],
    email_workforce: "Use la dirección de correo electrónico que {agency} le indique. Puede agregar más de una dirección a su cuenta de Login.gov y elegir cuál recibe {agency}.",
    email_mixed: "Use una dirección de correo electrónico que usted controle y que nadie más use. Si inicia sesión por su trabajo, use la dirección que {agency} le indique.",
    mfa_workforce: "{application} exige un método de inicio de sesión resistente al phishing: una llave de seguridad, el desbloqueo facial o con huella digital, o una tarjeta PIV o CAC. Los códigos por mensaje de texto o llamada de voz y las aplicaciones de autenticación no funcionarán.",
    mfa_mixed: "Si inicia sesión en {application} por su trabajo, necesitará un método de inicio de sesión resistente al phishing: una llave de seguridad, el desbloqueo facial o con huella digital, o una tarjeta PIV o CAC.",
    ial2: "También deberá verificar su identidad una sola vez. Tomará fotos de su licencia de conducir, su tarjeta de identificación estatal o su pasaporte de EE. UU. y una selfi, y dará su número de Seguro Social y un número de teléfono o una dirección postal.",
    basic_idv: "También deberá verificar su identidad una sola vez, con su licencia de conducir, su tarjeta de identificación estatal o su pasaporte de EE. UU., su número de Seguro Social y un número de teléfono o una dirección postal.",
    in_person: "En lugar de tomar fotos de su identificación, puede terminar la verificación en persona en una oficina participante del Servicio Postal de los EE. UU. Lleve su licencia de conducir o su tarjeta de identificación estatal: en persona no se aceptan pasaportes.",
    help_heading: "Dónde obtener ayuda:",
    help: [
        "Si tiene preguntas sobre {application}, comuníquese con {help_desk}.",
        "Si necesita ayuda con su cuenta de Login.gov, consulte el centro de ayuda de Login.gov en {help_link} o comuníquese con Login.gov en {contact_link}.",
    ],
    closing: "Gracias,",
    ph_agency: "[nombre de la agencia]",
    ph_application: "[nombre de la aplicación]",
    ph_window: "[período de lanzamiento]",
    ph_help_desk: "[contacto de la mesa de ayuda]",
};

const FR: Words = Words {
    subject: "{application} utilisera Login.gov pour la connexion",
    greeting: "Bonjour,",
    intro: "{agency} modifie la façon dont vous vous connectez à {application}. À partir de {window}, vous vous connecterez avec un compte Login.gov. Login.gov est un service de connexion sécurisé utilisé par les agences du gouvernement des États-Unis.",
    todo_heading: "Ce que vous devez faire :",
    todo: [
        "Créez votre compte Login.gov dès maintenant : {create_link}",
        "Si vous n'avez pas encore de profil sur {application}, utilisez une adresse e-mail personnelle que vous contrôlez plutôt qu'une adresse professionnelle. Si vous en avez déjà un, utilisez l'adresse que {agency} vous demande d'utiliser. N'utilisez jamais une adresse que vous partagez avec quelqu'un d'autre.",
        "Si vous avez déjà un compte Login.gov, vous pouvez l'utiliser. Vous n'avez pas besoin d'en créer un nouveau.",
        "Votre ancien nom d'utilisateur et votre ancien mot de passe de {application} ne seront pas transférés vers Login.gov.",
    ],
    email_workforce: "Utilisez l'adresse e-mail que {agency} vous demande d'utiliser. Vous pouvez ajouter plusieurs adresses e-mail à votre compte Login.gov et choisir celle que reçoit {agency}.",
    email_mixed: "Utilisez une adresse e-mail que vous contrôlez et que personne d'autre n'utilise. Si vous vous connectez pour votre travail, utilisez l'adresse e-mail que {agency} vous demande d'utiliser.",
    mfa_workforce: "{application} exige une méthode de connexion résistante à l'hameçonnage : une clé de sécurité, le déverrouillage par reconnaissance faciale ou par empreinte digitale, ou une carte PIV ou CAC. Les codes reçus par SMS ou par appel vocal et les applications d'authentification ne fonctionneront pas.",
    mfa_mixed: "Si vous vous connectez à {application} pour votre travail, vous aurez besoin d'une méthode de connexion résistante à l'hameçonnage : une clé de sécurité, le déverrouillage par reconnaissance faciale ou par empreinte digitale, ou une carte PIV ou CAC.",
    ial2: "Vous devrez aussi vérifier votre identité une seule fois. Vous prendrez en photo votre permis de conduire, votre carte d'identité délivrée par un État ou votre passeport américain, ainsi qu'un selfie, et vous fournirez votre numéro de sécurité sociale (Social Security number) et un numéro de téléphone ou une adresse postale.",
    basic_idv: "Vous devrez aussi vérifier votre identité une seule fois, avec votre permis de conduire, votre carte d'identité délivrée par un État ou votre passeport américain, votre numéro de sécurité sociale (Social Security number) et un numéro de téléphone ou une adresse postale.",
    in_person: "Au lieu de prendre votre pièce d'identité en photo, vous pouvez terminer la vérification en personne dans un bureau de poste participant du service postal des États-Unis (U.S. Postal Service). Apportez votre permis de conduire ou votre carte d'identité délivrée par un État : les passeports ne sont pas acceptés en personne.",
    help_heading: "Où obtenir de l'aide :",
    help: [
        "Pour toute question sur {application}, contactez {help_desk}.",
        "Pour obtenir de l'aide avec votre compte Login.gov, consultez le centre d'aide de Login.gov à l'adresse {help_link} ou contactez Login.gov à l'adresse {contact_link}.",
    ],
    closing: "Merci,",
    ph_agency: "[nom de l'agence]",
    ph_application: "[nom de l'application]",
    ph_window: "[période de lancement]",
    ph_help_desk: "[contact du service d'assistance]",
};

const ZH: Words = Words {
    subject: "{application} 将使用 Login.gov 登录",
    greeting: "您好！",
    intro: "{agency} 将更改 {application} 的登录方式。从{window}起，您将使用 Login.gov 账户登录。Login.gov 是美国政府机构使用的安全登录服务。",
    todo_heading: "您需要做的事情：",
    todo: [
        "现在就创建您的 Login.gov 账户：{create_link}",
        "如果您还没有 {application} 个人资料，请使用您自己掌控的个人电子邮件地址，而不是工作电子邮件地址。如果您已经有个人资料，请使用 {agency} 要求您使用的电子邮件地址。切勿使用与他人共用的电子邮件地址。",
        "如果您已经有 Login.gov 账户，可以直接使用，无需创建新账户。",
        "您原来的 {application} 用户名和密码不会转移到 Login.gov。",
    ],
    email_workforce: "请使用 {agency} 要求您使用的电子邮件地址。您可以在 Login.gov 账户中添加多个电子邮件地址，并选择 {agency} 接收哪一个。",
    email_mixed: "请使用您自己掌控、且没有其他人使用的电子邮件地址。如果您因工作需要登录，请使用 {agency} 要求您使用的电子邮件地址。",
    mfa_workforce: "{application} 要求使用防网络钓鱼的登录方式：安全密钥、面部或指纹解锁，或 PIV 或 CAC 卡。短信或语音验证码以及身份验证应用将无法使用。",
    mfa_mixed: "如果您因工作需要登录 {application}，则需要使用防网络钓鱼的登录方式：安全密钥、面部或指纹解锁，或 PIV 或 CAC 卡。",
    ial2: "您还需要验证一次身份。您需要拍摄驾照、州身份证或美国护照的照片以及一张自拍照，并提供您的社会安全号码（Social Security number）和电话号码或邮寄地址。",
    basic_idv: "您还需要验证一次身份，需提供驾照、州身份证或美国护照、社会安全号码（Social Security number），以及电话号码或邮寄地址。",
    in_person: "您也可以不拍摄身份证件照片，而是前往参与此项服务的美国邮政局（U.S. Postal Service）网点当面完成验证。请携带驾照或州身份证：当面验证不接受护照。",
    help_heading: "获取帮助：",
    help: [
        "如对 {application} 有疑问，请联系 {help_desk}。",
        "如需 Login.gov 账户方面的帮助，请访问 Login.gov 帮助中心 {help_link}，或通过 {contact_link} 联系 Login.gov。",
    ],
    closing: "谢谢！",
    ph_agency: "[机构名称]",
    ph_application: "[应用名称]",
    ph_window: "[启用时间段]",
    ph_help_desk: "[服务台联系方式]",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
        Lang::Fr => &FR,
        Lang::Zh => &ZH,
    }
}

/// A typed value on one line: whitespace runs (line breaks included) become one space, and
/// control characters are dropped, so no value can break a header or a Markdown block.
pub(super) fn clean(value: &str) -> String {
    let no_controls: String = value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    no_controls.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn or_placeholder(value: &str, placeholder: &str) -> String {
    let value = clean(value);
    if value.is_empty() {
        placeholder.to_string()
    } else {
        value
    }
}

/// Fills `{name}` markers in one pass (so a value that itself holds `{agency}` stays as typed):
/// literal template text goes through `literal`, and values are inserted as given.
pub(super) fn fill(template: &str, values: &[(&str, &str)], literal: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut pending = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_open) = rest.split_at(open);
        pending.push_str(before);
        let value = from_open.find('}').and_then(|close| values.iter().find(|(name, _)| *name == &from_open[1..close]).map(|(_, v)| (close, *v)));
        match value {
            Some((close, value)) => {
                out.push_str(&literal(&pending));
                pending.clear();
                out.push_str(value);
                rest = &from_open[close + 1..];
            }
            None => {
                pending.push('{');
                rest = &from_open[1..];
            }
        }
    }
    pending.push_str(rest);
    out.push_str(&literal(&pending));
    out
}

/// The link text shown in HTML: the address without scheme or query, e.g. `login.gov/es/help/`.
fn display_url(url: &str) -> &str {
    let no_scheme = url.strip_prefix("https://").unwrap_or(url);
    no_scheme.split('?').next().unwrap_or(no_scheme)
}

/// Labels of the required fields left empty, in form order.
pub fn missing_email_fields(input: &EmailInput) -> Vec<&'static str> {
    [
        (&input.agency, "agency name"),
        (&input.application, "application name"),
        (&input.launch_window, "launch time frame"),
        (&input.help_desk, "help-desk contact"),
    ]
    .into_iter()
    .filter(|(value, _)| clean(value).is_empty())
    .map(|(_, label)| label)
    .collect()
}

/// The launch announcement in the input's language.
pub fn launch_email(input: &EmailInput, links: &[Link]) -> Email {
    let lang = input.lang;
    let w = words(lang);
    let agency = or_placeholder(&input.agency, w.ph_agency);
    let application = or_placeholder(&input.application, w.ph_application);
    let window = or_placeholder(&input.launch_window, w.ph_window);
    let help_desk = or_placeholder(&input.help_desk, w.ph_help_desk);
    let create = build_url(links, LinkKind::CreateAccount, lang, &input.attribution);
    let help = build_url(links, LinkKind::Help, lang, &input.attribution);
    let contact = build_url(links, LinkKind::Contact, lang, &input.attribution);

    let paragraphs: [&str; 2] = [w.greeting, w.intro];
    let group = who_signs_in(input.audience);
    let (email_advice, mfa) = match group {
        WhoSignsIn::Public => (w.todo[1], None),
        WhoSignsIn::Workforce => (w.email_workforce, Some(w.mfa_workforce)),
        _ => (w.email_mixed, Some(w.mfa_mixed)),
    };
    let todo = [w.todo[0], email_advice, w.todo[2], w.todo[3]];
    let mut tail_paragraphs: Vec<&str> = mfa.into_iter().collect();
    match input.level {
        Some(Level::Ial2Aal2) => tail_paragraphs.push(w.ial2),
        Some(Level::BasicIdv) => tail_paragraphs.push(w.basic_idv),
        Some(Level::Ial1Aal2) | None => {}
    }
    if input.in_person && input.level.is_some_and(Level::verifies_identity) {
        tail_paragraphs.push(w.in_person);
    }

    // Plain text.
    // URLs in angle brackets (RFC 3986, appendix C), so no punctuation after one joins the link.
    let (create_text, help_text, contact_text) = (format!("<{create}>"), format!("<{help}>"), format!("<{contact}>"));
    let text_values = [
        ("agency", agency.as_str()),
        ("application", application.as_str()),
        ("window", window.as_str()),
        ("help_desk", help_desk.as_str()),
        ("create_link", create_text.as_str()),
        ("help_link", help_text.as_str()),
        ("contact_link", contact_text.as_str()),
    ];
    let plain = |t: &str| t.to_string();
    let t = |template: &str| fill(template, &text_values, &plain);
    let subject = t(w.subject);
    let mut text = String::new();
    for p in &paragraphs {
        text.push_str(&t(p));
        text.push_str("\n\n");
    }
    text.push_str(&t(w.todo_heading));
    text.push('\n');
    for item in todo {
        text.push_str(&format!("- {}\n", t(item)));
    }
    text.push('\n');
    for p in &tail_paragraphs {
        text.push_str(&t(p));
        text.push_str("\n\n");
    }
    text.push_str(&t(w.help_heading));
    text.push('\n');
    for item in w.help {
        text.push_str(&format!("- {}\n", t(item)));
    }
    text.push('\n');
    text.push_str(w.closing);
    text.push('\n');
    text.push_str(&agency);
    text.push('\n');

    // HTML: every typed value escaped, links through link_html.
    let agency_html = html_escape(&agency);
    let application_html = html_escape(&application);
    let window_html = html_escape(&window);
    let help_desk_html = html_escape(&help_desk);
    let create_html = link_html(&create, display_url(&create), lang);
    let help_html = link_html(&help, display_url(&help), lang);
    let contact_html = link_html(&contact, display_url(&contact), lang);
    let html_values = [
        ("agency", agency_html.as_str()),
        ("application", application_html.as_str()),
        ("window", window_html.as_str()),
        ("help_desk", help_desk_html.as_str()),
        ("create_link", create_html.as_str()),
        ("help_link", help_html.as_str()),
        ("contact_link", contact_html.as_str()),
    ];
    let escape = |t: &str| html_escape(t);
    let h = |template: &str| fill(template, &html_values, &escape);
    let mut html = format!("<div lang=\"{}\">\n", lang.html_lang());
    for p in &paragraphs {
        html.push_str(&format!("<p>{}</p>\n", h(p)));
    }
    html.push_str(&format!("<p>{}</p>\n<ul>\n", h(w.todo_heading)));
    for item in todo {
        html.push_str(&format!("<li>{}</li>\n", h(item)));
    }
    html.push_str("</ul>\n");
    for p in &tail_paragraphs {
        html.push_str(&format!("<p>{}</p>\n", h(p)));
    }
    html.push_str(&format!("<p>{}</p>\n<ul>\n", h(w.help_heading)));
    for item in w.help {
        html.push_str(&format!("<li>{}</li>\n", h(item)));
    }
    html.push_str("</ul>\n");
    html.push_str(&format!("<p>{}<br>\n{}</p>\n</div>\n", html_escape(w.closing), agency_html));

    Email { subject, text, html }
}

/// The email's file name: it names the language, so each language's file is its own, as in
/// `launch-email-department-of-examples-benefits-portal-es-2026-12-02.eml`.
pub fn email_file_name(agency: &str, application: &str, lang: Lang, date_iso: &str, extension: &str) -> String {
    let parts: Vec<String> = [
        "launch-email".to_string(),
        crate::record::file_slug(agency),
        crate::record::file_slug(application),
        lang.id().to_string(),
        crate::record::file_slug(date_iso),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect();
    format!("{}.{extension}", parts.join("-"))
}

/// The values the agency typed for the email in words (the launch time frame and the help-desk
/// contact), cleaned as the email shows them: the ones a non-English email needs translated.
pub fn typed_words(input: &EmailInput) -> Vec<String> {
    [&input.launch_window, &input.help_desk].into_iter().map(|v| clean(v)).filter(|v| !v.is_empty()).collect()
}

/// Splits `text` into parts, each marked true where it is one of `values` (longest first, so a
/// value inside another is not split out of it): for highlighting typed text in a preview.
pub fn mark_values(text: &str, values: &[String]) -> Vec<(String, bool)> {
    let mut values: Vec<&str> = values.iter().map(String::as_str).filter(|v| !v.is_empty()).collect();
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = values.iter().filter_map(|v| rest.find(v).map(|at| (at, *v))).min_by_key(|(at, v)| (*at, std::cmp::Reverse(v.len())));
        match next {
            Some((at, value)) => {
                if at > 0 {
                    parts.push((rest[..at].to_string(), false));
                }
                parts.push((value.to_string(), true));
                rest = &rest[at + value.len()..];
            }
            None => {
                parts.push((rest.to_string(), false));
                break;
            }
        }
    }
    parts
}
