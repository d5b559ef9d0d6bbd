"""Real third-party SPARQL clients against a running newsgraph server.

The server must serve a store ingested from corpus/ (scripts/server-tests.sh runs
`newsgraph ingest corpus/` and `newsgraph serve`); its base URL comes from the
NEWSGRAPH_ENDPOINT environment variable (e.g. http://127.0.0.1:7878). Plain
unittest, so no test runner needs installing. Every request goes to that loopback
address only.

The checks are facts of the corpus that the project's own tests already require
(tests/integration/corpus.rs): Marzook and Bogdanov met in Moscow on 2023-10-26,
Erdoğan and Raisi spoke by phone on 2023-10-16, Kirby said "There was a direct
message relayed". They hold whatever else extraction finds: no exact totals.
"""

import os
import unittest

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

BASE = os.environ.get("NEWSGRAPH_ENDPOINT", "http://127.0.0.1:7878").rstrip("/")
ENDPOINT = BASE + "/sparql"

PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

PAIRS = PREFIXES + """
SELECT ?nameA ?nameB (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
  ?m a schema:Event ; schema:attendee ?a, ?b .
  ?a schema:name ?nameA . ?b schema:name ?nameB .
  FILTER (STR(?a) < STR(?b))
} GROUP BY ?nameA ?nameB ORDER BY DESC(?meetings) ?nameA ?nameB
"""

KIRBY_SAID = PREFIXES + """
SELECT DISTINCT ?text WHERE {
  ?s a schema:Quotation ; schema:spokenByCharacter ?a ; schema:text ?text .
  ?a schema:name ?name .
  FILTER (CONTAINS(?name, "Kirby"))
}
"""

# Meetings with both names among the attendees, with date and mode when known.
MEETINGS_OF = PREFIXES + """
SELECT DISTINCT ?m ?date ?mode WHERE {
  ?m a schema:Event ; schema:attendee ?x, ?y .
  ?x schema:name ?nx . ?y schema:name ?ny .
  FILTER (CONTAINS(?nx, "%s") && CONTAINS(?ny, "%s"))
  OPTIONAL { ?m sem:hasEarliestBeginTimeStamp ?date }
  OPTIONAL { ?m ng:meetingMode ?mode }
} ORDER BY ?m ?date ?mode
"""


def wrapper(method, return_format):
    sparql = SPARQLWrapper(ENDPOINT)
    sparql.setMethod(method)
    sparql.setReturnFormat(return_format)
    return sparql


def met(pairs, first, second):
    """True if some (nameA, nameB, count) row pairs the two name parts."""
    return any(
        count >= 1
        and ((first in a and second in b) or (second in a and first in b))
        for a, b, count in pairs
    )


def pairs_from_json(result):
    return [
        (b["nameA"]["value"], b["nameB"]["value"], int(b["meetings"]["value"]))
        for b in result["results"]["bindings"]
    ]


class SparqlWrapperTests(unittest.TestCase):
    def check_pairs(self, pairs):
        self.assertTrue(met(pairs, "Bogdanov", "Marzook"), pairs)
        self.assertTrue(met(pairs, "Erdoğan", "Raisi"), pairs)
        self.assertFalse(met(pairs, "Lavrov", ""), "a habitual meeting is listed")

    def test_select_json_by_get(self):
        sparql = wrapper(GET, JSON)
        sparql.setQuery(PAIRS)
        self.check_pairs(pairs_from_json(sparql.queryAndConvert()))

    def test_select_json_by_post_form(self):
        sparql = wrapper(POST, JSON)
        sparql.setQuery(PAIRS)
        self.check_pairs(pairs_from_json(sparql.queryAndConvert()))

    def test_select_json_by_post_directly(self):
        sparql = wrapper(POST, JSON)
        sparql.setRequestMethod(POSTDIRECTLY)
        sparql.setQuery(PAIRS)
        self.check_pairs(pairs_from_json(sparql.queryAndConvert()))

    def test_ask_xml(self):
        sparql = wrapper(GET, XML)
        sparql.setQuery(PREFIXES + 'ASK { ?a schema:name "Mikhail Bogdanov" }')
        document = sparql.queryAndConvert()
        booleans = document.getElementsByTagName("boolean")
        self.assertEqual(booleans[0].firstChild.data, "true")

    def test_select_csv(self):
        sparql = wrapper(POST, CSV)
        sparql.setQuery(KIRBY_SAID)
        lines = sparql.queryAndConvert().decode("utf-8").splitlines()
        self.assertEqual(lines[0], "text")
        self.assertTrue(
            any("There was a direct message relayed" in line for line in lines[1:]), lines
        )

    def test_construct_turtle(self):
        sparql = wrapper(GET, TURTLE)
        sparql.setQuery(
            PREFIXES
            + "CONSTRUCT { ?m schema:attendee ?a . ?a schema:name ?n } "
            + "WHERE { ?m schema:attendee ?a . ?a schema:name ?n }"
        )
        graph = rdflib.Graph()
        graph.parse(data=sparql.queryAndConvert(), format="turtle")
        schema = rdflib.Namespace("http://schema.org/")
        attendees = {}
        for meeting, actor in graph.subject_objects(schema.attendee):
            names = " | ".join(str(n) for n in graph.objects(actor, schema.name))
            attendees.setdefault(meeting, []).append(names)
        self.assertTrue(
            any(
                any("Bogdanov" in n for n in names) and any("Marzook" in n for n in names)
                for names in attendees.values()
            ),
            attendees,
        )

    def test_bad_query_is_400(self):
        sparql = wrapper(GET, JSON)
        sparql.setQuery("SELECT WHERE {")
        with self.assertRaises(QueryBadFormed):
            sparql.queryAndConvert()


class RdflibSparqlStoreTests(unittest.TestCase):
    def check_store(self, method):
        graph = rdflib.Graph(store=SPARQLStore(ENDPOINT, method=method))
        said = [str(row.text) for row in graph.query(KIRBY_SAID)]
        self.assertTrue(any("There was a direct message relayed" in t for t in said), said)
        moscow = {str(row.date) for row in graph.query(MEETINGS_OF % ("Bogdanov", "Marzook"))}
        self.assertIn("2023-10-26", moscow)
        calls = [
            (str(row.date), str(row.mode))
            for row in graph.query(MEETINGS_OF % ("Erdoğan", "Raisi"))
        ]
        self.assertIn(("2023-10-16", "https://w3id.org/newsgraph/ontology#Phone"), calls)
        pairs = [(str(r.nameA), str(r.nameB), int(r.meetings)) for r in graph.query(PAIRS)]
        self.assertTrue(met(pairs, "Bogdanov", "Marzook"), pairs)

    def test_sparqlstore_get(self):
        self.check_store("GET")

    def test_sparqlstore_post(self):
        self.check_store("POST")

    def test_sparqlstore_post_form(self):
        self.check_store("POST_FORM")

    def test_sparqlstore_ask(self):
        graph = rdflib.Graph(store=SPARQLStore(ENDPOINT))
        result = graph.query(PREFIXES + 'ASK { ?a schema:name "Nobody Here" }')
        self.assertFalse(result.askAnswer)


if __name__ == "__main__":
    unittest.main(verbosity=2)
