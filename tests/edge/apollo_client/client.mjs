// A client written against Apollo's automatic persisted queries, unchanged: the real
// @apollo/client with its persisted-query link (hashed queries over GET) and HttpLink.
//
//   node client.mjs http://127.0.0.1:PORT/graphql
//
// Runs the same query twice (network-only, so both go to the server) and prints, as the last
// line of stdout, JSON of every HTTP request the client made, what the server answered, and the
// data each query got. tests/edge/test_persisted_queries.py reads it.
import { createHash } from "node:crypto";

import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";

const url = process.argv[2];
if (!url) {
  console.error("usage: node client.mjs <graphql url>");
  process.exit(2);
}

const exchanges = [];

// Every request the HTTP link sends, as it leaves (method, query string, body) and as answered.
async function watchedFetch(input, init = {}) {
  const target = new URL(typeof input === "string" ? input : input.url);
  const response = await fetch(input, init);
  const text = await response.clone().text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  exchanges.push({
    method: (init.method || "GET").toUpperCase(),
    params: Object.fromEntries(target.searchParams.entries()),
    body: typeof init.body === "string" ? JSON.parse(init.body) : null,
    status: response.status,
    response: body,
  });
  return response;
}

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

const client = new ApolloClient({
  link: createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
    new HttpLink({ uri: url, fetch: watchedFetch }),
  ),
  cache: new InMemoryCache(),
});

const SCHOOLS = gql`
  query ApqSchools($first: Int) {
    schools(first: $first) {
      totalCount
      nodes {
        code
        name
      }
    }
  }
`;

const rounds = [];
for (let round = 0; round < 2; round += 1) {
  const before = exchanges.length;
  let data = null;
  let error = null;
  try {
    const result = await client.query({ query: SCHOOLS, variables: { first: 3 }, fetchPolicy: "network-only" });
    data = result.data ?? null;
    error = result.error ? String(result.error) : null;
  } catch (exc) {
    error = String(exc);
  }
  rounds.push({ data, error, requests: exchanges.slice(before) });
}

console.log(JSON.stringify({ rounds }));
