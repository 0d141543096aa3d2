//! The one place where failures become gRPC statuses. Invalid requests carry
//! a `google.rpc.ErrorInfo` reason and every `BadRequest` field violation at
//! once, so a caller fixes everything in one round trip.

use std::collections::HashMap;

use prost::Message;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::enrich;
use crate::pb;

/// The `ErrorInfo.domain` of every copydesk error.
pub const ERROR_DOMAIN: &str = "copydesk";

/// Why a request is invalid: the `ErrorInfo.reason` values of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The request has no `article`.
    MissingArticle,
    /// `article.text` is empty or only whitespace.
    EmptyText,
    /// `article.text` is over the configured cap.
    TextTooLarge,
    /// A batch is empty or over the configured maximum size.
    BadBatchSize,
    /// An enum field holds a value this server does not know.
    UnknownEnumValue,
    /// A field is malformed (a language code, a timestamp).
    MalformedField,
}

impl Reason {
    /// The wire form, UPPER_SNAKE_CASE as AIP-193 asks.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::MissingArticle => "MISSING_ARTICLE",
            Reason::EmptyText => "EMPTY_TEXT",
            Reason::TextTooLarge => "TEXT_TOO_LARGE",
            Reason::BadBatchSize => "BAD_BATCH_SIZE",
            Reason::UnknownEnumValue => "UNKNOWN_ENUM_VALUE",
            Reason::MalformedField => "MALFORMED_FIELD",
        }
    }
}

/// Everything wrong with a request.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct InvalidRequest {
    /// `(reason, field path, what to fix)`, in the order found.
    pub violations: Vec<(Reason, String, String)>,
}

impl InvalidRequest {
    /// Records one violation.
    pub fn add(
        &mut self,
        reason: Reason,
        field: impl Into<String>,
        description: impl Into<String>,
    ) {
        self.violations
            .push((reason, field.into(), description.into()));
    }

    /// `Err(self)` when anything was recorded.
    pub fn into_result(self) -> Result<(), InvalidRequest> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl From<InvalidRequest> for Status {
    fn from(invalid: InvalidRequest) -> Status {
        let reason = invalid
            .violations
            .first()
            .map_or(Reason::MalformedField, |v| v.0);
        let message = invalid
            .violations
            .iter()
            .map(|(_, field, description)| format!("{field}: {description}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut details = ErrorDetails::new();
        details.set_error_info(reason.as_str(), ERROR_DOMAIN, HashMap::new());
        for (_, field, description) in invalid.violations {
            details.add_bad_request_violation(field, description);
        }
        Status::with_error_details(Code::InvalidArgument, message, details)
    }
}

impl From<enrich::Error> for Status {
    fn from(error: enrich::Error) -> Status {
        match error {
            enrich::Error::DeadlineExceeded { .. } => Status::deadline_exceeded(error.to_string()),
            enrich::Error::Cancelled { .. } => Status::cancelled(error.to_string()),
        }
    }
}

/// How long a shed caller is told to wait before retrying: about the time a
/// worker takes to finish a large article.
pub const RETRY_AFTER: std::time::Duration = std::time::Duration::from_millis(100);

/// The answer when the server sheds load: RESOURCE_EXHAUSTED with a
/// `google.rpc.RetryInfo` delay and the `ErrorInfo` reason `OVERLOADED`.
pub fn overloaded() -> Status {
    let mut details = ErrorDetails::with_retry_info(Some(RETRY_AFTER));
    details.set_error_info("OVERLOADED", ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(
        Code::ResourceExhausted,
        "the server is at capacity; retry after the RetryInfo delay, with exponential backoff",
        details,
    )
}

/// An internal failure: the cause goes to the log, the caller gets a generic
/// message.
pub fn internal(cause: &dyn std::fmt::Display) -> Status {
    tracing::error!(%cause, "internal error");
    Status::internal("internal error; the cause is in the server log")
}

/// The status as the `google.rpc.Status` of a per-item batch or stream
/// result, with the same details EnrichArticle would have sent.
pub fn to_rpc_status(status: &Status) -> pb::google::rpc::Status {
    // tonic-types puts the whole encoded google.rpc.Status in `details`.
    pb::google::rpc::Status::decode(status.details())
        .ok()
        .filter(|s| s.code == status.code() as i32)
        .unwrap_or_else(|| pb::google::rpc::Status {
            code: status.code() as i32,
            message: status.message().to_owned(),
            details: Vec::new(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_violation_is_reported_with_the_first_reason() {
        let mut invalid = InvalidRequest::default();
        invalid.add(Reason::EmptyText, "article.text", "must not be empty");
        invalid.add(
            Reason::UnknownEnumValue,
            "features[0]",
            "unknown feature 99",
        );
        let status = Status::from(invalid);
        assert_eq!(status.code(), Code::InvalidArgument);
        let details = status.get_error_details();
        assert_eq!(
            details.error_info().map(|i| i.reason.as_str()),
            Some("EMPTY_TEXT")
        );
        let fields: Vec<_> = details
            .bad_request()
            .map(|b| b.field_violations.iter().map(|v| v.field.clone()).collect())
            .unwrap_or_default();
        assert_eq!(fields, ["article.text", "features[0]"]);
        let rpc = to_rpc_status(&status);
        assert_eq!(rpc.code, Code::InvalidArgument as i32);
        assert_eq!(rpc.details.len(), 2);
    }
}
