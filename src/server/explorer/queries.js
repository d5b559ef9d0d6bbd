// The explorer's SPARQL queries, all in one place so they can follow the ontology
// (ontology/newsgraph.ttl, ontology-notes.md) when it changes. Every other file of the
// explorer only calls these functions and reads the variables named here.
// Names are each actor's one skos:prefLabel (the corpus graph's preferred name), so
// an actor seen under several spellings is one row, not one per spelling.

export const PREFIXES = `PREFIX schema: <http://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
`;

// Refuses anything that could break out of <…> in a query.
export function iri(value) {
  if (typeof value !== 'string' || !/^[^\s<>"{}|^`\\]+$/.test(value)) {
    throw new Error('not an IRI: ' + value);
  }
  return '<' + value + '>';
}

// A plain xsd:date literal from YYYY-MM-DD, or an error.
export function date(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new Error('not a date (YYYY-MM-DD): ' + value);
  }
  return '"' + value + '"^^xsd:date';
}

// Examples shown in the editor's menu: [label, query].
export const EXAMPLES = [
  ['Who met whom (pairs, with how often)', PREFIXES + `
SELECT ?nameA ?nameB (COUNT(DISTINCT ?meeting) AS ?meetings)
WHERE {
  ?meeting a schema:Event ;
           schema:attendee ?a, ?b .
  ?a skos:prefLabel ?nameA .
  ?b skos:prefLabel ?nameB .
  FILTER (STR(?a) < STR(?b))
}
GROUP BY ?nameA ?nameB
ORDER BY DESC(?meetings) ?nameA ?nameB`],
  ['Meetings between two dates', PREFIXES + `
SELECT ?meeting ?date (GROUP_CONCAT(DISTINCT ?name; separator=", ") AS ?attendees)
WHERE {
  ?meeting a schema:Event ;
           sem:hasEarliestBeginTimeStamp ?date ;
           schema:attendee/skos:prefLabel ?name .
  FILTER (?date >= "2023-10-01"^^xsd:date && ?date <= "2023-10-31"^^xsd:date)
}
GROUP BY ?meeting ?date
ORDER BY ?date ?meeting`],
  ['Everything an actor said (with evidence)', PREFIXES + `
SELECT DISTINCT ?speaker ?text ?date ?evidence ?article
WHERE {
  ?statement a schema:Quotation ;
             schema:spokenByCharacter ?actor ;
             schema:text ?text .
  ?actor skos:prefLabel ?speaker ; schema:name ?anyName .
  FILTER (CONTAINS(LCASE(?anyName), "amirabdollahian"))
  OPTIONAL { ?statement schema:dateCreated ?date }
  OPTIONAL { ?statement prov:wasDerivedFrom ?article }
  OPTIONAL {
    ?annotation oa:hasBody ?statement ;
                oa:hasTarget/oa:hasSelector ?selector .
    ?selector a oa:TextQuoteSelector ;
              oa:exact ?evidence .
  }
}
ORDER BY ?date ?text`],
  ['Actors with the most meetings', PREFIXES + `
SELECT ?name (COUNT(DISTINCT ?meeting) AS ?meetings)
WHERE {
  ?meeting a schema:Event ; schema:attendee ?actor .
  ?actor skos:prefLabel ?name .
}
GROUP BY ?name
ORDER BY DESC(?meetings) ?name`],
  ['Which articles assert each meeting', PREFIXES + `
SELECT ?meeting ?article
WHERE { GRAPH ?article { ?meeting a schema:Event } }
ORDER BY ?meeting ?article`],
];

// The network: one row per (meeting, attendee). Variables: meeting, actor, name, date.
export function networkQuery() {
  return PREFIXES + `
SELECT DISTINCT ?meeting ?actor ?name ?date
WHERE {
  ?meeting a schema:Event ; schema:attendee ?actor .
  OPTIONAL { ?actor skos:prefLabel ?name }
  OPTIONAL { ?meeting sem:hasEarliestBeginTimeStamp ?date }
}
ORDER BY ?meeting ?actor`;
}

// The timeline: one row per dated meeting. Variables: meeting, date, attendees.
export function timelineQuery() {
  return PREFIXES + `
SELECT ?meeting ?date (GROUP_CONCAT(DISTINCT ?name; separator=", ") AS ?attendees)
WHERE {
  ?meeting a schema:Event ;
           sem:hasEarliestBeginTimeStamp ?date ;
           schema:attendee ?actor .
  OPTIONAL { ?actor skos:prefLabel ?n }
  BIND (COALESCE(?n, STR(?actor)) AS ?name)
}
GROUP BY ?meeting ?date
ORDER BY ?date ?meeting`;
}

// An actor's meetings with the other attendees and the evidence.
// Variables: meeting, date, others, evidence, article, url, headline.
export function actorMeetingsQuery(actorIri) {
  return PREFIXES + `
SELECT ?meeting ?date
       (GROUP_CONCAT(DISTINCT ?otherName; separator=", ") AS ?others)
       (SAMPLE(?exact) AS ?evidence) (SAMPLE(?source) AS ?article)
       (SAMPLE(?link) AS ?url) (SAMPLE(?title) AS ?headline)
WHERE {
  ?meeting a schema:Event ; schema:attendee ${iri(actorIri)} .
  OPTIONAL { ?meeting sem:hasEarliestBeginTimeStamp ?date }
  OPTIONAL {
    ?meeting schema:attendee ?other .
    FILTER (?other != ${iri(actorIri)})
    ?other skos:prefLabel ?otherName .
  }
  OPTIONAL {
    ?annotation oa:hasBody ?meeting ; oa:hasTarget ?target .
    ?target oa:hasSelector ?selector .
    ?selector a oa:TextQuoteSelector ; oa:exact ?exact .
    OPTIONAL { ?target oa:hasSource ?annotated }
  }
  OPTIONAL { ?meeting prov:wasDerivedFrom ?derived }
  BIND (COALESCE(?annotated, ?derived) AS ?source)
  OPTIONAL { ?source schema:url ?link }
  OPTIONAL { ?source schema:headline ?title }
}
GROUP BY ?meeting ?date
ORDER BY ?date ?meeting`;
}

// An actor's statements with the evidence.
// Variables: statement, text, date, evidence, article, url, headline.
export function actorStatementsQuery(actorIri) {
  return PREFIXES + `
SELECT ?statement ?text ?date
       (SAMPLE(?exact) AS ?evidence) (SAMPLE(?source) AS ?article)
       (SAMPLE(?link) AS ?url) (SAMPLE(?title) AS ?headline)
WHERE {
  ?statement a schema:Quotation ;
             schema:spokenByCharacter ${iri(actorIri)} ;
             schema:text ?text .
  OPTIONAL { ?statement schema:dateCreated ?date }
  OPTIONAL {
    ?annotation oa:hasBody ?statement ; oa:hasTarget ?target .
    ?target oa:hasSelector ?selector .
    ?selector a oa:TextQuoteSelector ; oa:exact ?exact .
    OPTIONAL { ?target oa:hasSource ?annotated }
  }
  OPTIONAL { ?statement prov:wasDerivedFrom ?derived }
  BIND (COALESCE(?annotated, ?derived) AS ?source)
  OPTIONAL { ?source schema:url ?link }
  OPTIONAL { ?source schema:headline ?title }
}
GROUP BY ?statement ?text ?date
ORDER BY ?date ?text`;
}
