//! Small shared pieces of the interface. They read the store and call the logic; no rules here.

pub mod assumption_fields;
pub mod blockers;
pub mod cited;
pub mod copy_button;
pub mod deferred;
pub mod field;
pub mod in_person_question;
pub mod lazy_page;
pub mod lazy_part;
pub mod length_note;
pub mod notices;
pub mod page;
pub mod profile_form;
pub mod radio;
pub mod record_transfer;
pub mod settings_card;
pub mod shell;
pub mod support_nav;
pub mod tick_item;
