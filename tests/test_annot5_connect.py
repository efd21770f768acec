"""What ``--url`` and ``--api-key`` accept (tests/data/annot5/EXPECTED.md §2), without a server: a
page of the web app pasted as the URL is refused with the address (and project) to pass; a server
behind a path prefix is kept; a key pasted with its header prefix or a line break reads as the key.
The same against the real server: tests/test_annot5_loop.py."""

from __future__ import annotations

import pytest

from policytag import UsageError
from policytag.annotation.client import api_key_of, server_url


@pytest.mark.parametrize("url, root", [
    ("http://h:8080/", "http://h:8080"),
    ("https://h/label-studio/", "https://h/label-studio"),   # behind a proxy, under a path
    ("https://h/data/ls", "https://h/data/ls"),               # a path that only looks like a page's
    ("http://h:8080/projects7", "http://h:8080/projects7"),
])
def test_a_server_address_is_kept(url, root):
    assert server_url(url) == root


@pytest.mark.parametrize("url, advice", [
    ("http://h:8080/projects/7/data?tab=3&task=2", "pass --url http://h:8080 --project 7"),
    ("https://h/ls/projects/12/", "pass --url https://h/ls --project 12"),
    ("http://h:8080/projects/", "pass --url http://h:8080"),
    ("http://h:8080/user/account", "pass --url http://h:8080"),
    ("http://h:8080/api", "pass --url http://h:8080"),
    ("http://h:8080/?next=/projects", "pass --url http://h:8080"),
])
def test_a_page_of_the_web_app_is_refused_with_the_address_to_pass(url, advice):
    with pytest.raises(UsageError) as caught:
        server_url(url)
    assert "\n" not in str(caught.value) and str(caught.value).endswith(advice)


@pytest.mark.parametrize("pasted", ["KEY.a-b", "Token KEY.a-b", "bearer KEY.a-b", " KEY.a-b\n", "Token  KEY.a-b\r\n"])
def test_a_pasted_key_reads_as_the_key(pasted):
    assert api_key_of(pasted) == "KEY.a-b"


@pytest.mark.parametrize("pasted", ["two words", "Token a b", "   "])
def test_a_key_with_words_around_it_is_refused_in_one_line(pasted):
    with pytest.raises(UsageError, match=r"^--api-key: a Label Studio API key is one word"):
        api_key_of(pasted)
