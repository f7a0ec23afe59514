"""The readouts' addresses that a feed (RSS, Atom), a sitemap or a listing page gives, absolute and once each."""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html

# No entities, no network, no huge trees: a sitemap is data from outside.
_XML = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def page_addresses(kind: str, text: str, base_url: str, link_pattern: str = "") -> list[str]:
    if kind == "feed":
        links = [entry.get("link", "") for entry in feedparser.parse(text).entries]
    elif kind == "sitemap":
        links = sitemap_locations(text)
    else:
        links = listing_links(text, base_url)
    absolute = [urldefrag(urljoin(base_url, link.strip()))[0] for link in links if link and link.strip()]
    wanted = [link for link in absolute if link.startswith(("http://", "https://")) and link_pattern in link]
    return list(dict.fromkeys(wanted))


def sitemap_locations(text: str) -> list[str]:
    """The pages a sitemap lists (<urlset><url><loc>); none for a sitemap index or text that is not XML."""
    return [element.text or "" for element in sitemap_elements(text, "url")]


def sitemap_index_locations(text: str, base_url: str) -> list[str]:
    """The sitemaps a sitemap index lists (<sitemapindex><sitemap><loc>), absolute and once each."""
    links = [urljoin(base_url, (element.text or "").strip()) for element in sitemap_elements(text, "sitemap")]
    return list(dict.fromkeys(link for link in links if link.startswith(("http://", "https://"))))


def sitemap_elements(text: str, entry: str) -> list:
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), _XML)
    except (lxml.etree.XMLSyntaxError, ValueError):
        return []
    return root.findall(f"{{*}}{entry}/{{*}}loc")


def listing_links(text: str, base_url: str) -> list[str]:
    """Links of the listing page to pages of its own site (navigation to other sites is not a readout)."""
    try:
        document = lxml.html.fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return []
    host = urlsplit(base_url).netloc
    links = [urljoin(base_url, href) for href in document.xpath("//a/@href")]
    return [link for link in links if urlsplit(link).netloc == host and link.rstrip("/") != base_url.rstrip("/")]
