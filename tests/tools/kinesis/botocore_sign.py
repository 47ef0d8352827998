#!/usr/bin/python3
"""Signs requests with botocore's SigV4Auth (an independent SigV4 implementation) at a fixed time.

stdin: a JSON list of {"method", "url" (already URI-encoded), "headers": [[name, value]...],
"body", "region", "service", "amz_date" ("YYYYMMDDTHHMMSSZ"), "access_key", "secret_key",
"token" (may be "")}. stdout: a JSON list of {"authorization", "canonical_request",
"amz_date", "token_header"} in the same order. Offline: nothing is sent.
"""
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(req):
    fixed = datetime.datetime.strptime(req["amz_date"], "%Y%m%dT%H%M%SZ")

    class FixedDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

    botocore.auth.datetime.datetime = FixedDatetime
    creds = Credentials(req["access_key"], req["secret_key"], req["token"] or None)
    r = AWSRequest(method=req["method"], url=req["url"], data=req["body"].encode("utf-8"))
    for name, value in req["headers"]:
        r.headers[name] = value
    auth = botocore.auth.SigV4Auth(creds, req["service"], req["region"])
    auth.add_auth(r)
    authorization = r.headers["Authorization"]
    del r.headers["Authorization"]  # the canonical request as signed, without its result
    canonical = auth.canonical_request(r)
    return {
        "authorization": authorization,
        "canonical_request": canonical,
        "amz_date": r.headers["X-Amz-Date"],
        "token_header": r.headers.get("X-Amz-Security-Token", ""),
    }


json.dump([sign(r) for r in json.load(sys.stdin)], sys.stdout)
