//! Where in the record a path points, named as the portal's pages name it ("the checklist item
//! “Sign the IAA”, the note"), for messages about imported or over-long text.

use crate::launch::LaunchField;

/// Where in the record `path` points, as the portal's pages name it.
pub(super) fn place_words(path: &[String]) -> String {
    let content = crate::content::content();
    let words = |name: &str| name.replace('_', " ");
    let field = |rest: &[String]| rest.first().map(|f| format!(", the {}", words(f))).unwrap_or_default();
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["profile", name, ..] => format!("the integration profile, the {}", words(name)),
        ["service_level", "answers", name, ..] => format!("the service-level answers, the answer about {}", words(name)),
        ["service_level", name, ..] => format!("the service level, the {}", words(name)),
        ["checklist", "items", id, ..] => {
            let title = content.checklist.phases.iter().flat_map(|p| p.items).find(|i| i.id == *id).map(|i| i.title);
            format!("the checklist item “{}”{}", title.unwrap_or(id), field(&path[3..]))
        }
        ["checklist", "sign_offs", scope, ..] => {
            let scope_words = if *scope == crate::checklist::OVERALL {
                "the overall sign-off".to_string()
            } else {
                let title = content.checklist.phases.iter().find(|p| p.id == *scope).map(|p| p.title);
                format!("the sign-off for “{}”", title.unwrap_or(scope))
            };
            format!("{scope_words}{}", field(&path[3..]))
        }
        ["support", name, ..] => format!("the support kit, the {}", words(name)),
        ["launch", "form", name, ..] => {
            let label = LaunchField::from_id(name).and_then(|f| content.launch.field(f)).map_or_else(|| words(name), |f| f.label.to_string());
            format!("the launch request form, the field “{label}”")
        }
        ["launch", "outbox", n, ..] => {
            format!("launch submission {} waiting to be sent", n.parse::<usize>().map_or(n.to_string(), |i| (i + 1).to_string()))
        }
        ["launch", "assumption_texts", key, ..] => {
            let label = crate::staffing::ASSUMPTIONS.iter().find(|a| a.key == *key).map_or_else(|| words(key), |a| a.label.to_string());
            format!("the staffing assumption “{label}”")
        }
        ["launch", "calendar", ..] => "the launch's calendar entry".to_string(),
        ["launch", "receipts", n, ..] => format!("launch receipt {}", n.parse::<usize>().map_or(n.to_string(), |i| (i + 1).to_string())),
        [] | ["."] => "the record".to_string(),
        _ => format!("the part named “{}”", path.join(" › ")),
    }
}
