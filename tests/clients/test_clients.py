"""Real third-party SPARQL clients against a running newsgraph server.

The server must serve tests/clients/fixture.trig; its base URL comes from the
NEWSGRAPH_ENDPOINT environment variable (e.g. http://127.0.0.1:7878). Run by
scripts/server-tests.sh; plain unittest, so no test runner needs installing.
Every request goes to that loopback address only.
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
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

PAIRS = PREFIXES + """
SELECT ?nameA ?nameB (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
  ?m a schema:Event ; schema:attendee ?a, ?b .
  ?a schema:name ?nameA . ?b schema:name ?nameB .
  FILTER (STR(?a) < STR(?b))
} GROUP BY ?nameA ?nameB ORDER BY DESC(?meetings) ?nameA ?nameB
"""

EXPECTED_PAIRS = [
    ("Hossein Amirabdollahian", "Wang Yi", 2),
    ("Antony Blinken", "Wang Yi", 1),
    ("Hossein Amirabdollahian", "Sergey Lavrov", 1),
]

BLINKEN_SAID = PREFIXES + """
SELECT DISTINCT ?text WHERE {
  ?s a schema:Quotation ; schema:spokenByCharacter ?a ; schema:text ?text .
  ?a schema:name "Antony Blinken" .
}
"""

MEETING_DATES = PREFIXES + """
SELECT DISTINCT ?m ?date WHERE {
  ?m a schema:Event ; sem:hasEarliestBeginTimeStamp ?date .
  FILTER (?date >= "2023-11-01"^^xsd:date)
} ORDER BY ?date
"""


def wrapper(method, return_format):
    sparql = SPARQLWrapper(ENDPOINT)
    sparql.setMethod(method)
    sparql.setReturnFormat(return_format)
    return sparql


def pairs_from_json(result):
    return [
        (b["nameA"]["value"], b["nameB"]["value"], int(b["meetings"]["value"]))
        for b in result["results"]["bindings"]
    ]


class SparqlWrapperTests(unittest.TestCase):
    def test_select_json_by_get(self):
        sparql = wrapper(GET, JSON)
        sparql.setQuery(PAIRS)
        self.assertEqual(pairs_from_json(sparql.queryAndConvert()), EXPECTED_PAIRS)

    def test_select_json_by_post_form(self):
        sparql = wrapper(POST, JSON)
        sparql.setQuery(PAIRS)
        self.assertEqual(pairs_from_json(sparql.queryAndConvert()), EXPECTED_PAIRS)

    def test_select_json_by_post_directly(self):
        sparql = wrapper(POST, JSON)
        sparql.setRequestMethod(POSTDIRECTLY)
        sparql.setQuery(PAIRS)
        self.assertEqual(pairs_from_json(sparql.queryAndConvert()), EXPECTED_PAIRS)

    def test_ask_xml(self):
        sparql = wrapper(GET, XML)
        sparql.setQuery(PREFIXES + 'ASK { ?a schema:name "Sergey Lavrov" }')
        document = sparql.queryAndConvert()
        booleans = document.getElementsByTagName("boolean")
        self.assertEqual(booleans[0].firstChild.data, "true")

    def test_select_csv(self):
        sparql = wrapper(POST, CSV)
        sparql.setQuery(BLINKEN_SAID)
        text = sparql.queryAndConvert().decode("utf-8")
        self.assertEqual(
            text.splitlines(),
            ["text", "We are working to prevent the conflict from spreading"],
        )

    def test_construct_turtle(self):
        sparql = wrapper(GET, TURTLE)
        sparql.setQuery(
            PREFIXES + "CONSTRUCT { ?m schema:attendee ?a } WHERE { ?m schema:attendee ?a }"
        )
        graph = rdflib.Graph()
        graph.parse(data=sparql.queryAndConvert(), format="turtle")
        self.assertEqual(len(graph), 8)

    def test_bad_query_is_400(self):
        sparql = wrapper(GET, JSON)
        sparql.setQuery("SELECT WHERE {")
        with self.assertRaises(QueryBadFormed):
            sparql.queryAndConvert()


class RdflibSparqlStoreTests(unittest.TestCase):
    def check_store(self, method):
        store = SPARQLStore(ENDPOINT, method=method)
        graph = rdflib.Graph(store=store)
        said = [str(row.text) for row in graph.query(BLINKEN_SAID)]
        self.assertEqual(said, ["We are working to prevent the conflict from spreading"])
        dates = [(str(row.m).rsplit("/", 1)[-1], str(row.date)) for row in graph.query(MEETING_DATES)]
        self.assertEqual(dates, [("m3", "2023-11-02"), ("m4", "2023-11-09")])
        pairs = [(str(r.nameA), str(r.nameB), int(r.meetings)) for r in graph.query(PAIRS)]
        self.assertEqual(pairs, EXPECTED_PAIRS)

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
