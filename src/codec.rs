//! The payload codec: the Go SDK's `converter.PayloadCodec`, applied as its
//! `CodecDataConverter` applies one. Every payload a call sends goes through `encode` (workflow,
//! signal, query and update arguments, memo, activity results, heartbeat, failure and terminate
//! details, user metadata) and every payload a call reads back through `decode` (results, query
//! and update results, failure details, memo in describe and list, history).
//!
//! Two kinds of payload are never touched, as in the Go SDK: search attributes (the server
//! indexes them, so it must read them) and the Temporal header (the SDKs' interceptors write and
//! read it with the default converter, e.g. the OpenTelemetry `_tracer-data`).
//!
//! The walk over a request or response is `temporalio-common`'s generated payload visitor; this
//! module only chooses which fields it applies to and holds the codec to the Go contract: the
//! same number of payloads out as in.

use crate::errors::{Error, ErrorCode, Result};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use temporalio_common::data_converters::PayloadConversionError;
use temporalio_common::payload_visitor::{AsyncPayloadVisitor, PayloadField, PayloadFieldData, PayloadVisitable};
use temporalio_common::protos::temporal::api::common::v1::{Payload, Payloads};

/// What a host's codec does to a list of payloads. `Err` carries the codec's reason.
pub trait PayloadCodec: Send + Sync {
    fn encode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String>;
    fn decode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Encode,
    Decode,
}

impl Direction {
    fn verb(self) -> &'static str {
        match self {
            Direction::Encode => "encode",
            Direction::Decode => "decode",
        }
    }
}

/// A client's codec, shared by every client on its connection and by their runs and calls.
#[derive(Clone)]
pub struct Codec(Arc<dyn PayloadCodec>);

impl Codec {
    pub fn new(codec: Arc<dyn PayloadCodec>) -> Self {
        Codec(codec)
    }

    /// Encodes every payload of an outgoing message (not its search attributes or header).
    pub async fn encode_message<M: PayloadVisitable>(&self, message: &mut M) -> Result<()> {
        self.visit(message, Direction::Encode).await
    }

    /// Decodes every payload of an incoming message (not its search attributes or header).
    pub async fn decode_message<M: PayloadVisitable>(&self, message: &mut M) -> Result<()> {
        self.visit(message, Direction::Decode).await
    }

    /// Encodes one list of payloads in place.
    pub fn encode_payloads(&self, payloads: &mut Payloads) -> Result<()> {
        payloads.payloads = self.apply(Direction::Encode, std::mem::take(&mut payloads.payloads))?;
        Ok(())
    }

    /// Decodes one list of payloads in place.
    pub fn decode_payloads(&self, payloads: &mut Payloads) -> Result<()> {
        payloads.payloads = self.apply(Direction::Decode, std::mem::take(&mut payloads.payloads))?;
        Ok(())
    }

    async fn visit<M: PayloadVisitable>(&self, message: &mut M, direction: Direction) -> Result<()> {
        let mut visitor = Visitor { codec: self, direction, failure: None };
        let walked = message.visit_payloads_mut(&mut visitor).await;
        match (visitor.failure, walked) {
            (Some(error), _) => Err(error),
            (None, Ok(())) => Ok(()),
            (None, Err(e)) => Err(Error::new(ErrorCode::Payload, format!("payload codec {}: {e}", direction.verb()))),
        }
    }

    /// Runs the host's codec on one field's payloads, holding it to the Go contract.
    fn apply(&self, direction: Direction, payloads: Vec<Payload>) -> Result<Vec<Payload>> {
        if payloads.is_empty() {
            return Ok(payloads);
        }
        let count = payloads.len();
        let out = match direction {
            Direction::Encode => self.0.encode(payloads),
            Direction::Decode => self.0.decode(payloads),
        }
        .map_err(|reason| {
            Error::new(ErrorCode::Payload, format!("payload codec {} failed: {reason}", direction.verb()))
        })?;
        if out.len() != count {
            return Err(Error::new(
                ErrorCode::Payload,
                format!(
                    "payload codec {} returned {} payloads for {count}: a codec must return one payload for each it was given",
                    direction.verb(),
                    out.len()
                ),
            ));
        }
        Ok(out)
    }
}

/// Search attributes stay readable by the server; headers stay in the default converter's
/// encoding, which the SDKs' interceptors read (Go: the codec applies to the data converter's
/// payloads, and interceptors write headers with `converter.GetDefaultDataConverter()`).
fn is_codec_field(path: &str) -> bool {
    !(path.contains("SearchAttributes.indexed_fields") || path.contains("Header.fields"))
}

struct Visitor<'c> {
    codec: &'c Codec,
    direction: Direction,
    /// The first failure, with its code and message (the visitor's own error type would lose
    /// both).
    failure: Option<Error>,
}

impl AsyncPayloadVisitor for Visitor<'_> {
    fn visit<'a>(
        &'a mut self,
        field: PayloadField<'a>,
    ) -> Pin<Box<dyn Future<Output = std::result::Result<(), PayloadConversionError>> + Send + 'a>> {
        // The codec is a synchronous host call: the future is ready at once.
        let outcome = if is_codec_field(field.path) { self.transform(field.data) } else { Ok(()) };
        let outcome = outcome.map_err(|e| {
            self.failure = Some(e);
            PayloadConversionError::WrongEncoding
        });
        Box::pin(std::future::ready(outcome))
    }
}

impl Visitor<'_> {
    fn transform(&self, data: PayloadFieldData<'_>) -> Result<()> {
        let codec = self.codec;
        match data {
            PayloadFieldData::Single(payload) => {
                let mut out = codec.apply(self.direction, vec![std::mem::take(payload)])?;
                *payload = out.pop().unwrap_or_default();
            }
            PayloadFieldData::Repeated(payloads) => {
                *payloads = codec.apply(self.direction, std::mem::take(payloads))?;
            }
            PayloadFieldData::Payloads(payloads) => {
                payloads.payloads = codec.apply(self.direction, std::mem::take(&mut payloads.payloads))?;
            }
        }
        Ok(())
    }
}

/// Applies an optional codec: what a client without one does is nothing.
pub(crate) async fn encode<M: PayloadVisitable>(codec: Option<&Codec>, message: &mut M) -> Result<()> {
    match codec {
        Some(c) => c.encode_message(message).await,
        None => Ok(()),
    }
}

/// Applies an optional codec's decode to an incoming message.
pub(crate) async fn decode<M: PayloadVisitable>(codec: Option<&Codec>, message: &mut M) -> Result<()> {
    match codec {
        Some(c) => c.decode_message(message).await,
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use temporalio_common::protos::temporal::api::common::v1::{Header, Memo, SearchAttributes};
    use temporalio_common::protos::temporal::api::workflowservice::v1::StartWorkflowExecutionRequest;

    /// Reverses the data and marks the payload, like a toy encryption.
    struct Reverse;
    impl PayloadCodec for Reverse {
        fn encode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
            Ok(payloads
                .into_iter()
                .map(|mut p| {
                    p.data.reverse();
                    p.metadata.insert("encoding".into(), b"binary/reversed".to_vec());
                    p
                })
                .collect())
        }
        fn decode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
            Ok(payloads
                .into_iter()
                .map(|mut p| {
                    p.data.reverse();
                    p.metadata.insert("encoding".into(), b"json/plain".to_vec());
                    p
                })
                .collect())
        }
    }

    struct Broken(&'static str);
    impl PayloadCodec for Broken {
        fn encode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
            match self.0 {
                "drop" => Ok(payloads.into_iter().skip(1).collect()),
                reason => Err(reason.to_owned()),
            }
        }
        fn decode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
            Ok(payloads)
        }
    }

    fn payload(data: &str) -> Payload {
        Payload { metadata: HashMap::from([("encoding".into(), b"json/plain".to_vec())]), data: data.into(), ..Default::default() }
    }

    fn request() -> StartWorkflowExecutionRequest {
        StartWorkflowExecutionRequest {
            input: Some(Payloads { payloads: vec![payload("\"a\""), payload("2")] }),
            memo: Some(Memo { fields: HashMap::from([("m".into(), payload("\"memo\""))]) }),
            search_attributes: Some(SearchAttributes { indexed_fields: HashMap::from([("s".into(), payload("\"sa\""))]) }),
            header: Some(Header { fields: HashMap::from([("_tracer-data".into(), payload("{}"))]) }),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn encodes_arguments_and_memo_but_not_search_attributes_or_header() {
        let codec = Codec::new(Arc::new(Reverse));
        let mut r = request();
        codec.encode_message(&mut r).await.unwrap();
        let input = &r.input.as_ref().unwrap().payloads;
        assert_eq!(input[0].data, b"\"a\"");
        assert_eq!(input[0].metadata["encoding"], b"binary/reversed");
        assert_eq!(r.memo.as_ref().unwrap().fields["m"].data, b"\"omem\"");
        assert_eq!(r.search_attributes.as_ref().unwrap().indexed_fields["s"].data, b"\"sa\"");
        assert_eq!(r.header.as_ref().unwrap().fields["_tracer-data"].metadata["encoding"], b"json/plain");
        codec.decode_message(&mut r).await.unwrap();
        assert_eq!(r, request());
    }

    #[tokio::test]
    async fn a_failing_codec_is_a_payload_error_with_its_reason() {
        let e = Codec::new(Arc::new(Broken("no key for key ID k1"))).encode_message(&mut request()).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Payload);
        assert_eq!(e.message, "payload codec encode failed: no key for key ID k1");
        let e = Codec::new(Arc::new(Broken("drop"))).encode_message(&mut request()).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Payload);
        assert!(e.message.contains("returned 1 payloads for 2"), "{}", e.message);
    }
}
