# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public site's pages, anonymously, beside a plain /web/login.

A server (no workers) on the database; each public page is fetched in turn,
one anonymous visitor at a time, for a number of rounds; the baseline is
/web/login fetched as many times in the same run. Reports the median
response time of the pages and of the baseline; exits 1 on any answer other
than 200.

    python bench/bench_website.py --db DB --size small|full   (env KEPOS_CONF)
"""
import argparse
import os
import statistics
import sys
import time

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'tests'))
from kepos_server import Server  # noqa: E402

SIZES = {'small': 3, 'full': 20}
PAGES = ('/', '/membres', '/offres', '/event', '/quartiers-en-transition',
         '/bonnes-pratiques', '/contact')


def timed(session, url):
    started = time.time()
    answer = session.get(url, timeout=120)
    return time.time() - started, answer.status_code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--db', required=True)
    parser.add_argument('--size', choices=sorted(SIZES), default='small')
    args = parser.parse_args()
    rounds = SIZES[args.size]
    server = Server(args.db, log_name='bench-website-%s.log' % args.db)
    try:
        session = requests.Session()
        for path in PAGES + ('/web/login',):   # warm-up: assets, caches
            timed(session, server.url + path)
        pages, baseline, failures = [], [], []
        for _round in range(rounds):
            for path in PAGES:
                seconds, status = timed(requests.Session(), server.url + path)
                pages.append(seconds)
                if status != 200:
                    failures.append('%s %s' % (status, path))
            for _page in PAGES:
                seconds, status = timed(requests.Session(),
                                        server.url + '/web/login')
                baseline.append(seconds)
                if status != 200:
                    failures.append('%s /web/login' % status)
    finally:
        server.stop()
    page, login = statistics.median(pages), statistics.median(baseline)
    print('BENCH public_pages_median|%d pages x %d|%.3f|%.3f|%.2f|'
          'median of %s; baseline /web/login; %d failures'
          % (len(PAGES), rounds, page, login, page / login,
             ' '.join(PAGES), len(failures)))
    if failures:
        print('\n'.join(failures))
        sys.exit(1)


if __name__ == '__main__':
    main()
