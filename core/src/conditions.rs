//! When a piece of content applies: a checklist item, an FAQ entry or a text for users names a
//! [`Condition`], which holds or not for the agency's profile and service level.

use crate::content::schema::{Condition, WhoSignsIn};
use crate::vocab::{Audience, InPerson, Level, Profile};

/// What a condition part means while the answer it needs is not known yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhenUnknown {
    /// The part holds: a checklist item is better shown than missed.
    Holds,
    /// The part fails: a text for users states only what is known to be true.
    Fails,
}

/// Whether every part of a condition matches the profile and level.
pub fn condition_holds(condition: &Condition, profile: &Profile, level: Option<Level>, unknown: WhenUnknown) -> bool {
    fn part<T, K>(wanted: Option<T>, known: Option<K>, matches: impl FnOnce(T, K) -> bool, unknown: WhenUnknown) -> bool {
        match (wanted, known) {
            (None, _) => true,
            (Some(wanted), Some(known)) => matches(wanted, known),
            (Some(_), None) => unknown == WhenUnknown::Holds,
        }
    }
    let audience = profile.audience.filter(|a| *a != Audience::NotSure);
    let certificate = if profile.protocol.is_none() { None } else { Some(profile.uses_certificate()) };
    part(condition.level, level, |wanted, level| wanted == level, unknown)
        && part(condition.identity_verification, level, |wanted, level| wanted == level.verifies_identity(), unknown)
        && part(condition.protocol, profile.protocol, |wanted, protocol| wanted == protocol, unknown)
        && part(condition.audience, audience, |wanted, audience| wanted == audience, unknown)
        && part(condition.partner_type, profile.partner_type, |wanted, partner| wanted == partner, unknown)
        && part(condition.certificate, certificate, |wanted, uses| wanted == uses, unknown)
        && part(condition.in_person, profile.in_person.and_then(InPerson::enabled), |wanted, enabled| wanted == enabled, unknown)
        && condition.who_signs_in.is_none_or(|wanted| wanted == who_signs_in(profile.audience))
}

/// Who signs in, as texts for users are written: the public, a workforce, or mixed for both and
/// for an audience not known yet (the text true for both is the safe one to show).
pub fn who_signs_in(audience: Option<Audience>) -> WhoSignsIn {
    match audience {
        Some(Audience::Public) => WhoSignsIn::Public,
        Some(Audience::Workforce) => WhoSignsIn::Workforce,
        Some(Audience::Both) | Some(Audience::NotSure) | None => WhoSignsIn::Mixed,
    }
}
