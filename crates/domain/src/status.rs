//! An agreement's status, derived from its dates and its renewals and never
//! stored (DESIGN.md, "Status"), and who may see it while it is a draft.

use chrono::{Days, NaiveDate};

use crate::{Agreement, AgreementStatus, Visibility};

/// What the status of an agreement depends on besides its own dates.
#[derive(Debug, Clone, Copy)]
pub struct StatusContext {
    /// The day to judge on.
    pub today: NaiveDate,
    /// Days before `valid_until` in which an active agreement counts as expiring.
    pub expiring_window_days: u32,
}

/// The signed agreement that renews another, as far as the renewed one's
/// status depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renewal {
    /// When the renewal starts (its `valid_from`, else its signing date), if known.
    pub starts: Option<NaiveDate>,
    /// The renewal's own derived status.
    pub status: AgreementStatus,
}

impl Agreement {
    /// Whether it is still a draft: neither marked signed nor given a signing date.
    pub fn is_draft(&self) -> bool {
        !self.signed && self.signed_on.is_none()
    }

    /// Who may see it, all rules considered: a draft is for staff only,
    /// whatever its `visibility` says, until it is signed.
    pub fn audience(&self) -> Visibility {
        if self.is_draft() {
            Visibility::Internal
        } else {
            self.visibility
        }
    }

    /// The status, derived and never stored.
    ///
    /// `renewal` is the signed agreement that renews this one, if any. While
    /// the renewal (or a renewal of it) is in force this one is superseded;
    /// before that, it ends where its renewal begins even when no end was recorded.
    pub fn status(&self, ctx: StatusContext, renewal: Option<Renewal>) -> AgreementStatus {
        if self
            .terminated_on
            .is_some_and(|t| t.first_day() <= ctx.today)
        {
            return AgreementStatus::Terminated;
        }
        if self.is_draft() {
            return AgreementStatus::Draft;
        }
        if self.valid_from.is_some_and(|f| f.first_day() > ctx.today) {
            return AgreementStatus::Upcoming;
        }
        if renewal.is_some_and(|r| r.status.in_force() || r.status == AgreementStatus::Superseded) {
            return AgreementStatus::Superseded;
        }
        let successor_from = renewal.and_then(|r| r.starts);
        let end = match (self.valid_until.map(|d| d.last_day()), successor_from) {
            (Some(until), Some(next)) => Some(until.min(next.pred_opt().unwrap_or(next))),
            (Some(until), None) => Some(until),
            (None, Some(next)) => Some(next.pred_opt().unwrap_or(next)),
            (None, None) => None,
        };
        match end {
            Some(end) if end < ctx.today => AgreementStatus::Expired,
            Some(end) if end <= ctx.today + Days::new(ctx.expiring_window_days.into()) => {
                AgreementStatus::Expiring
            }
            _ => AgreementStatus::Active,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartialDate;

    /// The seed's renewed Trio agreement: signed, no dates of its own.
    fn signed() -> Agreement {
        serde_json::from_value(serde_json::json!({
            "id": "trio-utokyo-spa", "kind": "strategic_partnership", "level": "central",
            "title": "Strategic Partnership Agreement, Stockholm Trio – University of Tokyo",
            "parties": [{"organisation": "stockholm-trio"}, {"organisation": "utokyo"}],
            "signed": true, "visibility": "public"
        }))
        .unwrap()
    }

    fn ctx(day: &str) -> StatusContext {
        StatusContext {
            today: day.parse().unwrap(),
            expiring_window_days: 180,
        }
    }

    fn date(d: &str) -> Option<PartialDate> {
        Some(d.parse().unwrap())
    }

    fn renewal(starts: &str, status: AgreementStatus) -> Option<Renewal> {
        Some(Renewal {
            starts: Some(starts.parse().unwrap()),
            status,
        })
    }

    #[test]
    fn an_unsigned_agreement_is_a_draft_and_hidden_from_the_public() {
        let mut a = signed();
        a.signed = false;
        a.valid_from = date("2020");
        assert!(a.is_draft());
        assert_eq!(a.status(ctx("2026-11-24"), None), AgreementStatus::Draft);
        assert_eq!(a.audience(), Visibility::Internal);
        a.signed_on = date("2021-03");
        assert!(!a.is_draft(), "a signing date means signed");
        assert_eq!(a.audience(), Visibility::Public);
        a.visibility = Visibility::Internal;
        assert_eq!(a.audience(), Visibility::Internal);
    }

    #[test]
    fn a_signed_agreement_that_starts_later_is_upcoming() {
        let mut a = signed();
        a.signed_on = date("2026-10-01");
        a.valid_from = date("2027");
        a.valid_until = date("2030");
        assert_eq!(a.status(ctx("2026-11-24"), None), AgreementStatus::Upcoming);
        assert_eq!(a.status(ctx("2026-12-31"), None), AgreementStatus::Upcoming);
        assert_eq!(a.status(ctx("2027-01-01"), None), AgreementStatus::Active);
        assert_eq!(a.audience(), Visibility::Public, "upcoming is public");
    }

    #[test]
    fn status_follows_the_dates() {
        let mut a = signed();
        a.valid_from = date("2022-01-01");
        assert_eq!(a.status(ctx("2026-11-24"), None), AgreementStatus::Active);
        a.valid_until = date("2027-03-31");
        assert_eq!(a.status(ctx("2026-11-24"), None), AgreementStatus::Expiring);
        assert_eq!(a.status(ctx("2026-01-01"), None), AgreementStatus::Active);
        assert_eq!(a.status(ctx("2027-04-01"), None), AgreementStatus::Expired);
        a.valid_until = date("2026");
        assert_eq!(a.status(ctx("2026-12-31"), None), AgreementStatus::Expiring);
        a.terminated_on = date("2025-06");
        assert_eq!(
            a.status(ctx("2026-11-24"), None),
            AgreementStatus::Terminated
        );
        assert_eq!(a.status(ctx("2025-05-31"), None), AgreementStatus::Active);
    }

    #[test]
    fn the_trio_original_renewed_in_2022_is_superseded_not_expired() {
        let original = signed();
        let in_force = renewal("2022-01-01", AgreementStatus::Active);
        assert_eq!(
            original.status(ctx("2026-11-24"), in_force),
            AgreementStatus::Superseded
        );
        let ending = renewal("2022-01-01", AgreementStatus::Expiring);
        assert_eq!(
            original.status(ctx("2026-11-24"), ending),
            AgreementStatus::Superseded
        );
        let renewed_again = renewal("2022-01-01", AgreementStatus::Superseded);
        assert_eq!(
            original.status(ctx("2026-11-24"), renewed_again),
            AgreementStatus::Superseded,
            "a renewal of a renewal in force is still in force"
        );
    }

    #[test]
    fn an_agreement_runs_until_its_renewal_starts() {
        let original = signed();
        let upcoming = renewal("2022-01-01", AgreementStatus::Upcoming);
        assert_eq!(
            original.status(ctx("2021-12-01"), upcoming),
            AgreementStatus::Expiring
        );
        assert_eq!(
            original.status(ctx("2021-01-01"), upcoming),
            AgreementStatus::Active
        );
    }

    #[test]
    fn an_agreement_whose_renewal_ended_too_has_expired() {
        let original = signed();
        for ended in [AgreementStatus::Expired, AgreementStatus::Terminated] {
            assert_eq!(
                original.status(ctx("2026-11-24"), renewal("2022-01-01", ended)),
                AgreementStatus::Expired
            );
        }
    }

    #[test]
    fn termination_and_drafts_come_before_renewals() {
        let mut a = signed();
        a.terminated_on = date("2021");
        let in_force = renewal("2022-01-01", AgreementStatus::Active);
        assert_eq!(
            a.status(ctx("2026-11-24"), in_force),
            AgreementStatus::Terminated
        );
        a.terminated_on = None;
        a.signed = false;
        assert_eq!(
            a.status(ctx("2026-11-24"), in_force),
            AgreementStatus::Draft
        );
    }

    #[test]
    fn only_active_and_expiring_are_in_force() {
        let in_force: Vec<&str> = AgreementStatus::ALL
            .iter()
            .filter(|s| s.in_force())
            .map(|s| s.as_str())
            .collect();
        assert_eq!(in_force, ["active", "expiring"]);
        assert_eq!(AgreementStatus::ALL.len(), 7);
        assert_eq!(
            "superseded".parse::<AgreementStatus>(),
            Ok(AgreementStatus::Superseded)
        );
        assert_eq!(
            "upcoming".parse::<AgreementStatus>(),
            Ok(AgreementStatus::Upcoming)
        );
    }
}
