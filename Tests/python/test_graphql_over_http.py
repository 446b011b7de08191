"""GraphQL over HTTP, checked by the audit ids of the graphql-http suite
(../shared/reference/graphql-over-http-audits.txt). Every MUST is asserted; each SHOULD is
asserted too, except where README.md says why we answer otherwise. MAY items that we
implement are asserted as implemented."""
import json
import re
import signal
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest

GQL = "application/graphql-response+json"
JSON_TYPE = "application/json"


@pytest.fixture(scope="module")
def server(ledger_binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("graphql-http")
    child = subprocess.Popen([str(ledger_binary), "serve", "--listen", "127.0.0.1:0", "--data", str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = child.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, line
    yield f"http://127.0.0.1:{match.group(1)}/graphql"
    child.send_signal(signal.SIGTERM)
    child.wait(timeout=20)


def call(url, method="POST", body=None, headers=None, query=None):
    target = url + ("?" + urllib.parse.urlencode(query) if query else "")
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(target, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post(url, body, accept=GQL, content_type=JSON_TYPE):
    headers = {"Content-Type": content_type}
    if accept is not None:
        headers["Accept"] = accept
    return call(url, body=body, headers=headers)


def media(headers):
    return (headers.get("Content-Type") or "").split(";")[0].strip()


def test_22EB_accepts_graphql_response_json(server):
    status, headers, _ = post(server, {"query": "{ __typename }"}, accept=GQL)
    assert status == 200 and media(headers) == GQL


def test_4655_accepts_application_json(server):
    status, headers, _ = post(server, {"query": "{ __typename }"}, accept=JSON_TYPE)
    assert status == 200 and media(headers) == JSON_TYPE


def test_47DE_star_accept_uses_application_json(server):
    _, headers, _ = post(server, {"query": "{ __typename }"}, accept="*/*")
    assert media(headers) == JSON_TYPE


def test_80D8_missing_accept_means_application_json(server):
    _, headers, _ = post(server, {"query": "{ __typename }"}, accept=None)
    assert media(headers) == JSON_TYPE


def test_82A3_responds_in_utf8(server):
    _, headers, body = post(server, {"query": "{ __typename }"})
    assert "charset=utf-8" in headers.get("Content-Type", "").lower()
    body.decode("utf-8")


def test_BF61_accepts_utf8_request(server):
    status, _, body = post(server, {"query": "{ __typename } # é"}, content_type="application/json; charset=utf-8")
    assert status == 200 and json.loads(body)["data"]


def test_78D5_assumes_utf8_without_charset(server):
    status, _, body = post(server, {"query": "{ __typename } # €"}, content_type="application/json")
    assert status == 200 and json.loads(body)["data"]


def test_2C94_and_03D4_accept_json_post(server):
    status, _, body = post(server, {"query": "{ __typename }"})
    assert status == 200 and json.loads(body)["data"]["__typename"] == "Query"


def test_5A70_get_queries(server):
    status, _, body = call(server, method="GET", query={"query": "{ __typename }"}, headers={"Accept": GQL})
    assert status == 200 and json.loads(body)["data"]["__typename"] == "Query"


def test_9C48_no_mutations_over_get(server):
    status, headers, _ = call(server, method="GET", query={"query": "mutation { __typename }"},
                              headers={"Accept": GQL})
    assert status == 405 and "POST" in headers.get("Allow", "")


def test_9ABE_missing_content_type_is_4xx(server):
    status, _, _ = call(server, body=json.dumps({"query": "{ __typename }"}).encode(), headers={"Accept": GQL})
    assert 400 <= status < 500


def test_A5BF_missing_body_is_400(server):
    status, _, _ = call(server, body=b"", headers={"Content-Type": JSON_TYPE, "Accept": GQL})
    assert status == 400


@pytest.mark.parametrize("accept", [GQL, JSON_TYPE])
def test_34A2_13EE_string_query(server, accept):
    status, _, body = post(server, {"query": "{ __typename }"}, accept=accept)
    assert status == 200 and "data" in json.loads(body)


@pytest.mark.parametrize("audit, value", [("6C00", {}), ("6C01", 0), ("6C02", False), ("6C03", [])])
def test_6C0x_non_string_operation_name_is_400(server, audit, value):
    status, _, _ = post(server, {"query": "{ __typename }", "operationName": value})
    assert status == 400


@pytest.mark.parametrize("accept", [GQL, JSON_TYPE])
def test_8161_B8B3_string_operation_name(server, accept):
    status, _, body = post(server, {"query": "query A { __typename } query B { __typename }",
                                    "operationName": "B"}, accept=accept)
    assert status == 200 and json.loads(body)["data"]["__typename"] == "Query"


@pytest.mark.parametrize("accept", [GQL, JSON_TYPE])
@pytest.mark.parametrize("key", ["variables", "operationName", "extensions"])
def test_94Bx_022x_null_parameters(server, accept, key):
    status, _, body = post(server, {"query": "{ __typename }", key: None}, accept=accept)
    assert status == 200 and json.loads(body)["data"]


@pytest.mark.parametrize("audit, value", [("4760", "x"), ("4761", 0), ("4762", False), ("4763", [])])
def test_476x_non_map_variables_is_400(server, audit, value):
    status, _, _ = post(server, {"query": "{ __typename }", "variables": value})
    assert status == 400


@pytest.mark.parametrize("accept", [GQL, JSON_TYPE])
def test_2EA1_28B9_map_variables(server, accept):
    status, _, body = post(server, {"query": "query ($a: Boolean!) { __typename @include(if: $a) }", "variables": {"a": True}},
                           accept=accept)
    assert status == 200 and json.loads(body)["data"]


@pytest.mark.parametrize("accept", [GQL, JSON_TYPE])
def test_D6D5_6A70_get_variables_as_json(server, accept):
    status, _, body = call(server, method="GET", headers={"Accept": accept},
                           query={"query": "query ($a: Boolean!) { __typename @include(if: $a) }",
                                  "variables": json.dumps({"a": True})})
    assert status == 200 and json.loads(body)["data"]


@pytest.mark.parametrize("audit, value", [("58B0", "x"), ("58B1", 0), ("58B2", False), ("58B3", [])])
def test_58Bx_non_map_extensions_is_400(server, audit, value):
    status, _, _ = post(server, {"query": "{ __typename }", "extensions": value})
    assert status == 400


@pytest.mark.parametrize("accept", [GQL, JSON_TYPE])
def test_428F_1B7A_39AA_map_extensions(server, accept):
    status, _, body = post(server, {"query": "{ __typename }", "extensions": {"some": "value"}}, accept=accept)
    assert status == 200 and json.loads(body)["data"]


def test_B6DC_BCF8_unparsable_json_is_400(server):
    status, _, _ = call(server, body=b"{ not json", headers={"Content-Type": JSON_TYPE, "Accept": GQL})
    assert status == 400


def test_8764_3E3A_invalid_parameters_are_400(server):
    status, _, _ = post(server, {"notquery": "{ __typename }"})
    assert status == 400


def test_572B_parse_failure_with_json_is_200(server):
    status, _, body = post(server, {"query": "{"}, accept=JSON_TYPE)
    assert status == 200 and json.loads(body)["errors"]


def test_FDE2_validation_failure_with_json_is_200(server):
    status, _, body = post(server, {"query": "{ doesNotExist }"}, accept=JSON_TYPE)
    assert status == 200 and json.loads(body)["errors"]


def test_7B9B_variable_coercion_failure_with_json_is_200(server):
    status, _, body = post(server, {"query": "query ($a: Boolean!) { __typename @include(if: $a) }", "variables": {"a": "x"}},
                           accept=JSON_TYPE)
    assert status == 200 and json.loads(body)["errors"]


def test_865D_556A_D586_parse_failure_with_graphql_response_is_400_without_data(server):
    status, _, body = post(server, {"query": "{"})
    assert status == 400 and "data" not in json.loads(body)


def test_51FE_74FF_5E5B_validation_failure_is_400_without_data(server):
    status, _, body = post(server, {"query": "{ doesNotExist }"})
    assert status == 400 and "data" not in json.loads(body)


def test_86EE_variable_coercion_failure_is_400(server):
    status, _, _ = post(server, {"query": "query ($a: Boolean!) { __typename @include(if: $a) }", "variables": {"a": "x"}})
    assert status == 400


def test_EE52_data_means_2xx(server):
    status, _, body = post(server, {"query": "{ __typename }"})
    assert json.loads(body)["data"] is not None and 200 <= status < 300


def test_BC58_request_not_permitted_is_401(server):
    status, headers, body = call(server, body=json.dumps({"query": "{ __typename }"}).encode(),
                                 headers={"Content-Type": JSON_TYPE, "Accept": GQL,
                                          "Authorization": "Bearer forged.token.value"})
    assert status == 401
    assert json.loads(body)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_batch_of_up_to_five_operations_answers_an_array(server):
    status, _, body = post(server, [{"query": "{ __typename }"}] * 5)
    assert status == 200 and len(json.loads(body)) == 5
    status, _, _ = post(server, [{"query": "{ __typename }"}] * 6)
    assert status == 400


def test_root_path_accepts_post(server):
    status, _, body = post(server.replace("/graphql", "/"), {"query": "{ __typename }"})
    assert status == 200 and json.loads(body)["data"]["__typename"] == "Query"


def test_served_schema_passes_graphql_core_introspection_round_trip(server):
    from graphql import build_client_schema, get_introspection_query, print_schema
    status, _, body = post(server, {"query": get_introspection_query(descriptions=True)})
    assert status == 200
    schema = build_client_schema(json.loads(body)["data"])
    printed = print_schema(schema)
    assert "signup(userInfos: SignupInput!): User!" in printed
    assert "login(email: String!, password: String!): AuthPayload!" in printed
