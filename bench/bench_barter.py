"""Barter ledger under concurrent load.

Opens 20 barter accounts, then pushes the same random transfers twice through
a server with 2 workers over JSON-RPC: once from several client processes at
the same time (the operation), once sequentially from one client on 20 other
accounts (the baseline). Then checks, in the database, that the balances sum
to zero, agree with the ledger and respect every limit: exit 1 if not.

    python bench/bench_barter.py --db DB --size small|full   (env KEPOS_CONF)
"""
import argparse
import multiprocessing
import os
import random
import subprocess
import sys
import time
from decimal import Decimal

import requests

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'tests'))
from kepos_server import Server  # noqa: E402

SIZES = {'small': 100, 'full': 1000}
ACCOUNTS = 20
CLIENTS = 4
CREDIT_LIMIT = 300.0
LOGIN = 'kepos_manager'


def open_accounts(client, labels):
    """Create and open ACCOUNTS accounts for fresh companies per label,
    over JSON-RPC as staff; their ids, one list per label."""
    ids = []
    for label in labels:
        accounts = []
        for index in range(ACCOUNTS):
            partner = client.execute('res.partner', 'create', {
                'name': 'Banc d\'essai %s %02d' % (label, index),
                'is_company': True})
            accounts.append(client.execute('kepos.barter.account', 'create', {
                'partner_id': partner, 'credit_limit': CREDIT_LIMIT}))
        client.execute('kepos.barter.account', 'action_open', accounts)
        ids.append(accounts)
    return ids


def query(db, sql):
    """Rows of a query run by psql, as lists of strings."""
    out = subprocess.run(['psql', '-d', db, '-XAtF', '|', '-c', sql],
                         check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    return [line.split('|') for line in out.splitlines() if line]


def check_ledger(db):
    """Broken invariants, as human-readable lines (empty when all hold)."""
    total = Decimal(query(db, 'SELECT COALESCE(SUM(balance), 0) '
                             'FROM kepos_barter_account')[0][0])
    drifts = query(db, """
            SELECT a.id, a.balance, COALESCE((
                SELECT SUM(CASE WHEN t.payee_account_id = a.id THEN t.amount
                                ELSE -t.amount END)
                  FROM kepos_barter_transfer t
                 WHERE t.state = 'done'
                   AND a.id IN (t.payer_account_id, t.payee_account_id)), 0)
              FROM kepos_barter_account a""")
    drifts = [tuple(row) for row in drifts
              if Decimal(row[1]) != Decimal(row[2])]
    outside = [tuple(row) for row in query(db, """
            SELECT id, balance FROM kepos_barter_account
             WHERE balance < -credit_limit
                OR (upper_limit > 0 AND balance > upper_limit)""")]
    broken = []
    if total != 0:
        broken.append('sum of balances is %s, not 0' % total)
    broken += ['account %s: balance %s, ledger %s' % row for row in drifts]
    broken += ['account %s: balance %s outside its limits' % row
               for row in outside]
    return broken


def push(args):
    """One client process: push its transfers one by one over JSON-RPC."""
    url, db, uid, transfers = args
    session = requests.Session()
    counts = {'done': 0, 'refused': 0, 'failed': 0}
    for number, (payer, payee, amount) in enumerate(transfers):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': number,
                   'params': {'service': 'object', 'method': 'execute_kw',
                              'args': [db, uid, LOGIN, 'kepos.barter.transfer',
                                       'create_and_post', [{
                                           'payer_account_id': payer,
                                           'payee_account_id': payee,
                                           'amount': amount,
                                           'memo': 'Banc d\'essai'}]]}}
        reply = session.post(url + '/jsonrpc', json=payload, timeout=120).json()
        if 'error' not in reply:
            counts['done'] += 1
        elif 'UserError' in reply['error'].get('data', {}).get('name', ''):
            counts['refused'] += 1
        else:
            # Still conflicting after the server's own retries.
            counts['failed'] += 1
    return counts


def run(server, uid, transfers, clients):
    shares = [(server.url, server.db, uid, transfers[start::clients])
              for start in range(clients)]
    started = time.time()
    if clients == 1:
        results = [push(shares[0])]
    else:
        with multiprocessing.Pool(clients) as pool:
            results = pool.map(push, shares)
    elapsed = time.time() - started
    totals = {key: sum(result[key] for result in results)
              for key in ('done', 'refused', 'failed')}
    return elapsed, totals


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--db', required=True)
    parser.add_argument('--size', choices=sorted(SIZES), default='small')
    options = parser.parse_args()
    count = SIZES[options.size]

    rng = random.Random(2026)
    plan = []
    for _index in range(count):
        payer, payee = rng.sample(range(ACCOUNTS), 2)
        plan.append((payer, payee, rng.randint(100, 15000) / 100.0))

    def on(ids):
        return [(ids[a], ids[b], amount) for a, b, amount in plan]

    started = time.time()
    server = Server(options.db, workers=2, log_name='bench-barter.log')
    print('server ready in %.1f s' % (time.time() - started))
    try:
        client = server.login(LOGIN)
        concurrent_ids, baseline_ids = open_accounts(client, ['A', 'B'])
        seconds, totals = run(server, client.uid, on(concurrent_ids), CLIENTS)
        baseline, base_totals = run(server, client.uid, on(baseline_ids), 1)
    finally:
        server.stop()

    broken = check_ledger(options.db)
    for line in broken:
        print('BROKEN: ' + line)
    print('concurrent: %(done)d done, %(refused)d refused by a limit, '
          '%(failed)d failed after retries' % totals)
    print('baseline:   %(done)d done, %(refused)d refused by a limit, '
          '%(failed)d failed after retries' % base_totals)
    print('BENCH barter_transfers|%d transfers, %d accounts, %d clients, '
          '2 workers|%.3f|%.3f|%.3f|%.1f transfers/s vs %.1f sequential, '
          '%d refused, %d failed, zero-sum %s' % (
              count, ACCOUNTS, CLIENTS, seconds, baseline, seconds / baseline,
              count / seconds, count / baseline, totals['refused'],
              totals['failed'], 'ok' if not broken else 'BROKEN'))
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
