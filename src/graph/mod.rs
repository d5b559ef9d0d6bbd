//! Stage 5, **graph**: a pure function from extraction records to RDF quads.
//!
//! (Being written: vocabulary constants mirroring `ontology/newsgraph.ttl`, and the
//! mapping of one record to the quads of its article's named graph.)
