"""The Elasticsearch client: one node, or a cluster given as a list of nodes.

``ELASTICSEARCH_URL`` holds one URL or several, comma-separated
("http://es1:9200,http://es2:9200"). The client spreads requests over the
nodes and sends a request again to another node when one cannot be reached
(connection refused or reset: a node stopping, restarting, crashed), when it
answers 502/503/504 (a proxy before a node that is down, a shard between
copies) and, with several nodes, when one does not answer in time. Every
other node is tried once, so a cluster that is down everywhere still costs a
bounded wait before search falls back to the embedded index.

No sniffing: the nodes listed are the ones used. Nodes discovered from the
cluster publish the addresses they bind, which a site behind a proxy, a
firewall or TLS names often cannot reach.
"""

from __future__ import annotations

import re

from elasticsearch import Elasticsearch
from elasticsearch.serializer import OrjsonSerializer

RETRY_ON_STATUS = (502, 503, 504)


def node_urls(url: str) -> list[str]:
    """The URLs in ``url``, separated by commas or spaces."""
    return [u for u in re.split(r"[,\s]+", url or "") if u]


def connect(
    url: str,
    *,
    username: str = "",
    password: str = "",
    api_key: str = "",
    verify_certs: bool = True,
    ca_certs: str = "",
    timeout: float = 2.0,
) -> Elasticsearch | None:
    """A client for the nodes in ``url``, or None when it names none."""
    hosts = node_urls(url)
    if not hosts:
        return None
    several = len(hosts) > 1
    return Elasticsearch(
        hosts,
        basic_auth=(username, password) if username else None,
        api_key=api_key or None,
        verify_certs=verify_certs,
        ca_certs=ca_certs or None,
        request_timeout=timeout,
        # One node: one more try (a connection reset by a restart), never
        # after a timeout (that would double the wait on a silent node).
        max_retries=max(1, len(hosts) - 1),
        retry_on_timeout=several,
        retry_on_status=RETRY_ON_STATUS,
        # orjson: requests (bulk chunks among them) encoded and responses
        # decoded several times faster than with the json module.
        serializer=OrjsonSerializer(),
    )
