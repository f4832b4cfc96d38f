"""The test server against the OpenAI Python SDK, and the cache layout against Python's hashlib.

1. `fake_server serve`: the official `openai` client gets canned answers, retries a 500 by itself
   and raises NotFoundError with Ollama's words for a missing model, so the test server speaks
   the protocol real clients expect.
2. `fake_server annotate`: the crate's Annotator fills a cache; the entry is where the README says
   (model folder, prompt hash, SHA-256 of the text), records what it should, the second run is
   served from it, and the spans are the ones the Python placement reference computes."""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

import openai

sys.path.insert(0, os.path.dirname(__file__))
from placement_check import reference_place  # noqa: E402


def check_sdk(binary):
    rules = [
        {"contains": "hello article", "replies": [{"answer": "{\"spans\": []}"}]},
        {"contains": "flaky", "replies": [{"error": [500, "boom"]}, {"answer": "recovered"}]},
        {"contains": "missing", "replies": [{"error": [404, "model \"x\" not found, try pulling it first"]}]},
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(rules, f)
    server = subprocess.Popen([binary, "serve", f.name], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        base_url = server.stdout.readline().strip()
        client = openai.OpenAI(base_url=base_url, api_key="unused", max_retries=2, timeout=10)
        answer = client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "hello article"}],
            response_format={"type": "json_schema", "json_schema": {"name": "spans", "schema": {"type": "object"}}},
        )
        assert answer.choices[0].message.content == "{\"spans\": []}", answer
        assert answer.choices[0].finish_reason == "stop" and answer.model == "m"
        again = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "flaky"}])
        assert again.choices[0].message.content == "recovered"
        try:
            client.chat.completions.create(model="m", messages=[{"role": "user", "content": "missing"}])
            raise AssertionError("404 not raised")
        except openai.NotFoundError as e:
            assert "try pulling it first" in str(e), e
    finally:
        server.stdin.close()
        server.wait(timeout=10)
    print("protocol: the openai SDK read an answer, retried a 500 and saw a 404 as NotFoundError")


def check_cache(binary):
    with tempfile.TemporaryDirectory() as root:
        out = subprocess.run([binary, "annotate", root], capture_output=True, text=True, check=True)
        report = json.loads(out.stdout)
        text, model = report["text"], report["model"]
        text_sha = hashlib.sha256(text.encode()).hexdigest()
        slug = re.sub(r"[^A-Za-z0-9._-]", "_", model).lstrip(".")
        folder = f"{slug}-{hashlib.sha256(model.encode()).hexdigest()[:8]}"
        path = os.path.join(root, folder, report["prompt_hash"], text_sha + ".json")
        files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs]
        assert files == [path], (files, path)
        entry = json.load(open(path))
        assert entry["model"] == model and entry["text_sha256"] == text_sha
        assert entry["prompt_hash"] == report["prompt_hash"] and entry["answer"] == report["answer"]
        assert entry["format"] == 1 and entry["parameters"]["temperature"] == 0.0
        first, second = report["runs"]
        assert (first["from_cache"], second["from_cache"]) == (False, True)
        assert first["requests_so_far"] == 1 and second["requests_so_far"] == 1
        proposals = [dict(p, index=i) for i, p in enumerate(json.loads(report["answer"])["spans"])]
        want = reference_place(text, report["labels"], proposals, {})
        assert first["spans"] == want["spans"] == second["spans"], (first["spans"], want["spans"])
        assert first["rejected"] == [r["index"] for r in want["rejected"]]
        print(f"cache: entry at {os.path.relpath(path, root)}; second run from the cache with no request; "
              f"{len(want['spans'])} spans equal the Python reference, {len(want['rejected'])} rejected")


if __name__ == "__main__":
    check_sdk(sys.argv[1])
    check_cache(sys.argv[1])
