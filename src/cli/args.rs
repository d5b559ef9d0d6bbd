//! The clap definitions of every command and flag. Doc comments here become `--help`.
//! Nothing here runs anything; `commands` does.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::InputFormat;
use crate::store::ExportFormat;

/// newsgraph: a knowledge graph of who met whom, who said what, from news articles.
///
/// `newsgraph ingest corpus/` extracts actors, meetings and statements and stores them
/// as RDF (one named graph per article) in a store directory; `meetings`,
/// `statements`, `actors`, `query` and `export` read it back.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about, after_help = super::exit::HELP)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Input options shared by `ingest` and `extract`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Input format: by extension (auto), plain text, or JSON Lines.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Publication date (YYYY-MM-DD) for plain-text articles without a header.
    #[arg(long)]
    pub date: Option<String>,
}

/// The store directory option.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// The store directory (one N-Quads file per article under DIR/graphs).
    #[arg(
        long,
        value_name = "DIR",
        env = "NEWSGRAPH_STORE",
        default_value = "newsgraph.db"
    )]
    pub store: PathBuf,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract actors, meetings and statements and store them as RDF.
    ///
    /// Each article becomes one named graph (replacing what an earlier ingest of the
    /// same article id stored). Bad inputs are reported as `newsgraph: FILE:LINE: …`
    /// and skipped; the exit code is then 2. A summary line goes to standard output.
    Ingest(IngestArgs),
    /// Extract actors, meetings and statements and print one JSON record per article.
    Extract {
        /// What to read.
        #[command(flatten)]
        input: InputArgs,
    },
    /// Run a SPARQL query against the store.
    ///
    /// The default graph is the merged view of all article graphs (each triple once);
    /// use `GRAPH ?g { … }` to
    /// see which article says what. SELECT and ASK print a table (or csv, tsv, json,
    /// xml); CONSTRUCT and DESCRIBE print Turtle (or ntriples, rdfxml, jsonld).
    Query(QueryArgs),
    /// Write the whole store in an RDF format, sorted (same store, same bytes).
    Export(ExportArgs),
    /// List meetings: who met whom, when, where and how, with their sources.
    Meetings(ListArgs),
    /// List statements: who said what and when, with their sources.
    Statements(ListArgs),
    /// List actors: names, aliases, kinds and roles, with their sources.
    Actors(ListArgs),
    /// Send the store to a SPARQL store over the Graph Store HTTP Protocol.
    ///
    /// One `PUT ?graph=IRI` per article graph, then `PUT ?default` with the merged
    /// view. Graphs unchanged since the last accepted push to the same URL are
    /// skipped (state in DIR/push-state.tsv), so an interrupted push resumes.
    Push(PushArgs),
    /// Count what the store holds.
    Stats(StatsArgs),
    /// Compact the on-disk RocksDB mirror (builds with `--features rocksdb`).
    ///
    /// Incremental ingests leave the mirror with extra sorted runs and deleted quads
    /// that every query then reads past; compacting rewrites it as one sorted run per
    /// index (at 100k articles: about 3 minutes, and whole-corpus queries about twice
    /// as fast afterwards). Takes the ingest lock; the graph files are not touched.
    /// A missing or stale mirror is rebuilt instead. Without the feature there is no
    /// mirror and nothing to do.
    Compact(CompactArgs),
    /// Serve the store over HTTP: SPARQL 1.1 Protocol at /sparql, Graph Store
    /// Protocol reads at /store, /export.ttl, and the web explorer at /.
    Serve(ServeArgs),
    /// Score extraction against gold annotations (precision, recall, F1).
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// Arguments of `newsgraph serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The store to serve.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on. Loopback by default: expose it to a network only behind
    /// a proxy you trust (see SECURITY.md).
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,
    /// Time limit for one query in seconds; a query past it gets an error status.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Accept SPARQL Update and Graph Store writes, authenticated with a bearer token
    /// (`Authorization: Bearer TOKEN`) read from --token-file or NEWSGRAPH_TOKEN; the
    /// server refuses to start without one. Writes change the served dataset in memory
    /// only; the store directory is written by `newsgraph ingest` alone.
    #[arg(long)]
    pub writable: bool,
    /// With --writable: a file whose first line is the bearer token (instead of the
    /// NEWSGRAPH_TOKEN environment variable).
    #[arg(long, value_name = "FILE", requires = "writable")]
    pub token_file: Option<std::path::PathBuf>,
    /// Queries evaluated at the same time (more get 503).
    #[arg(long, default_value_t = 4)]
    pub max_queries: usize,
    /// Open connections served at the same time (more get 503).
    #[arg(long, default_value_t = 128)]
    pub max_connections: usize,
    /// Seconds a client has to send a whole request, head and body (slow clients get
    /// 408 and are disconnected); also how long an idle connection is kept open.
    #[arg(long, default_value_t = 10)]
    pub read_timeout: u64,
    /// Largest request body in bytes (more get 413).
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: usize,
}

/// Arguments of `newsgraph ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Where to store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Fail at once if another ingest is writing the store, instead of waiting for it.
    #[arg(long)]
    pub no_wait: bool,
    /// The inputs are extraction records (the JSON Lines of `newsgraph extract`, or
    /// another tool's in that format): store them as they are, without extracting.
    #[arg(long)]
    pub records: bool,
    /// Print how long each phase took (extract, index, resolve, store, re-link,
    /// corpus graph) on standard error, for benchmarks.
    #[arg(long)]
    pub timings: bool,
    /// An actor dictionary (.tsv or .ttl): canonical names, aliases, kinds, outside
    /// identifiers and dated roles of known actors (see README, "Actor dictionary").
    /// A copy is kept in the store and used by later ingests that give none; a new
    /// `--actors` replaces it.
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Re-resolve the whole store as if all its articles came in this run, rewriting
    /// earlier articles whose actor, meeting or statement IRIs change. Without it (and
    /// without `--actors`), IRIs that an earlier ingest published are kept, and new
    /// articles join them.
    #[arg(long)]
    pub relink: bool,
}

/// Output formats of `newsgraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// An aligned text table (SELECT, ASK).
    Table,
    /// SPARQL CSV results (SELECT, ASK).
    Csv,
    /// SPARQL TSV results (SELECT, ASK).
    Tsv,
    /// SPARQL JSON results (SELECT, ASK).
    Json,
    /// SPARQL XML results (SELECT, ASK).
    Xml,
    /// Turtle (CONSTRUCT, DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT, DESCRIBE).
    Ntriples,
    /// RDF/XML (CONSTRUCT, DESCRIBE).
    Rdfxml,
    /// JSON-LD (CONSTRUCT, DESCRIBE).
    Jsonld,
}

/// Arguments of `newsgraph query`.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The SPARQL query, or `-` to read it from standard input.
    #[arg(conflicts_with = "file", required_unless_present = "file")]
    pub query: Option<String>,
    /// Read the query from this file.
    #[arg(long, short = 'f', value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Output format (default: table for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE).
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
    /// The store to query.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Arguments of `newsgraph export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// RDF format: turtle, ntriples and rdfxml write the union graph; trig, nquads and
    /// jsonld keep one named graph per article.
    #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
    pub format: ExportFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The store to export.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Output formats of the listings and `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    /// An aligned text table.
    #[default]
    Table,
    /// A JSON array (an object for `stats`), pretty-printed.
    Json,
}

/// Arguments of `meetings`, `statements` and `actors`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only items involving this actor: any of its names or aliases, case- and
    /// accent-insensitive; a surname matches the full name ("Bogdanov").
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Only items that can have happened on or after this day (YYYY-MM-DD); for
    /// actors, those mentioned in articles published on or after it.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only items that can have happened on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only meetings and statements reported by at least N independent articles.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_sources: usize,
    /// Order: by date (default), or by the number of reporting articles (most first).
    #[arg(long, value_enum, default_value_t = ListSort::Date)]
    pub sort: ListSort,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// The store to read.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// How `meetings` and `statements` are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListSort {
    /// By date (undated last), then IRI.
    Date,
    /// By the number of articles that report it, most first; then by date.
    Sources,
}

/// Arguments of `newsgraph stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// The store to read.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Arguments of `newsgraph compact`.
#[derive(Debug, clap::Args)]
pub struct CompactArgs {
    /// Fail at once if an ingest is writing the store, instead of waiting for it.
    #[arg(long)]
    pub no_wait: bool,
    /// The store to compact.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// What to evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Statements against brat attribution files (PolNeAR format) or a JSON gold file.
    Statements(crate::eval::polnear::EvalArgs),
    /// Meetings against gold in the JSON form of the meeting annotation guidelines.
    Meetings(crate::eval::meetings::EvalArgs),
    /// Cross-document actor identity: pairwise precision/recall of actor clustering.
    Actors(crate::eval::actors::EvalArgs),
    /// Precision of merging: near-miss pairs that must stay apart, and control pairs.
    NearMisses(crate::eval::near_misses::EvalArgs),
}

/// Arguments of `newsgraph push`.
#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// The server's base URL (http:// only), e.g. `http://127.0.0.1:7878`.
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// The Graph Store Protocol path on the server: `/store` (Oxigraph), `/ds/data`
    /// (Fuseki), `/sparql-graph-crud` (Virtuoso), `/repositories/NAME/rdf-graphs/service`
    /// (GraphDB).
    #[arg(long, default_value = "/store")]
    pub graph_store_path: String,
    /// An extra request header, `Name: value` (repeatable), e.g. for authorisation.
    #[arg(long, value_name = "HEADER")]
    pub header: Vec<String>,
    /// Do not push the merged default graph.
    #[arg(long)]
    pub no_default_graph: bool,
    /// The store to push.
    #[command(flatten)]
    pub store: StoreArgs,
}
