//! Stage 7, **server**: the SPARQL endpoint and web explorer (`newsgraph serve`).
//! (Being written.)
