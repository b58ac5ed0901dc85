"""A server with 2 workers under a mix of member actions.

Several client processes, each logged in as a user of its own in one of the
two demo member companies, drive for a bounded time, through the web
client's JSON-RPC routes on loopback, what members do all day: read their
dashboards and the shared lists (barter account, resources, events,
synergies), publish a resource, pay the other company in barter units,
register to an event or cancel their registration. The baseline is the same mix from a single client, in the
same run. Reports requests/s and p50/p95 latency; exits 1 on any failed
request, error in the server log or broken invariant (zero-sum barter
ledger, capital register equal to the paid subscription invoices, every
acknowledged transfer booked once).

    python bench/bench_load.py --db DB --size small|full   (env KEPOS_CONF)
"""
import argparse
import multiprocessing
import os
import random
import sys
import time

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'tests'))
sys.path.insert(0, HERE)
from bench_barter import check_ledger, query  # noqa: E402
from kepos_server import VAR, Server  # noqa: E402

# clients, seconds of the concurrent run, seconds of the single-client baseline
SIZES = {'small': (3, 6, 3), 'full': (8, 60, 30)}
COMPANIES = ('member_a', 'member_b')
MEMO = 'Banc d\'essai de charge'
EVENTS = 5
WEIGHTS = (('read', 55), ('transfer', 20), ('register', 15), ('publish', 10))
READS = (
    ('kepos.barter.account', 'search_read', [[]],
     {'fields': ['partner_id', 'balance', 'credit_limit', 'state']}),
    ('kepos.barter.transfer', 'search_read', [[]],
     {'fields': ['name', 'date', 'amount', 'memo', 'state'], 'limit': 40}),
    ('kepos.resource', 'search_read', [[('state', '=', 'published')]],
     {'fields': ['name', 'direction', 'partner_id', 'category_id', 'quantity'],
      'limit': 80}),
    ('event.event', 'search_read', [[('state', '=', 'confirm')]],
     {'fields': ['name', 'date_begin', 'kepos_event_kind', 'seats_reserved']}),
    ('kepos.synergy.balance', 'read_group',
     [[], ['partner_id', 'money_saved', 'co2e_avoided'], ['partner_id']], {}),
    ('kepos.match', 'search_read', [[]],
     {'fields': ['need_id', 'offer_id', 'score'], 'limit': 40}),
)


class Client:
    """One member in the web client: a session of its own, the web client's
    JSON-RPC route, and the latency of every request."""

    def __init__(self, url, db, login, password):
        self.url = url
        self.session = requests.Session()
        self.latencies, self.errors = [], []
        self.post('/web/session/authenticate',
                  {'db': db, 'login': login, 'password': password})

    def post(self, path, params):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': len(self.latencies),
                   'params': params}
        started = time.time()
        try:
            reply = self.session.post(self.url + path, json=payload, timeout=120).json()
        except (requests.RequestException, ValueError) as error:
            reply = {'error': {'message': repr(error)}}
        self.latencies.append(time.time() - started)
        if 'error' in reply:
            data = reply['error'].get('data') or {}
            self.errors.append('%s: %s' % (path, data.get('message')
                                           or reply['error'].get('message')))
            return None
        return reply['result']

    def execute(self, model, method, args, kwargs=None):
        return self.post('/web/dataset/call_kw/%s/%s' % (model, method), {
            'model': model, 'method': method, 'args': args, 'kwargs': kwargs or {}})


def drive(job):
    """One client process: random actions of WEIGHTS until the deadline."""
    url, db, user, plan, seconds, seed = job
    rng = random.Random(seed)
    client = Client(url, db, user['login'], user['login'])
    actions = [name for name, weight in WEIGHTS for _i in range(weight)]
    mine = client.execute('event.registration', 'search_read', [[
        ('event_id', 'in', plan['events']), ('partner_id', '=', user['partner']),
        ('state', '!=', 'cancel')]], {'fields': ['event_id']})
    registrations = {r['event_id'][0]: r['id'] for r in mine or []}
    transfers = 0
    deadline = time.time() + seconds
    while time.time() < deadline:
        action = rng.choice(actions)
        if action == 'read':
            model, method, args, kwargs = rng.choice(READS)
            client.execute(model, method, args, kwargs)
        elif action == 'transfer':
            if client.execute('kepos.barter.transfer', 'create_and_post', [{
                    'payer_account_id': user['account'],
                    'payee_account_id': user['other_account'],
                    'amount': rng.randint(100, 1500) / 100.0, 'memo': MEMO}]):
                transfers += 1
        elif action == 'register':
            event = rng.choice(plan['events'])
            if event in registrations:
                client.execute('event.registration', 'button_reg_cancel',
                               [[registrations.pop(event)]])
            else:
                result = client.execute('event.event', 'action_kepos_register', [[event]])
                if result:
                    registrations[event] = result['res_id']
        else:
            resource = client.execute('kepos.resource', 'create', [{
                'name': 'Palettes à donner, lot %d' % rng.randint(1, 10 ** 6),
                'direction': rng.choice(['offer', 'need']),
                'category_id': plan['category'], 'quantity': rng.randint(1, 50),
                'uom_id': plan['uom'], 'modality': 'reuse'}])
            if resource:
                client.execute('kepos.resource', 'action_publish', [[resource]])
    return client.latencies, client.errors, transfers


def prepare(server, clients):
    """As admin: one user per client, alternately in each member company
    (copies of the demo users, same groups); barter limits wide enough that
    no transfer of the run is refused; EVENTS events open to registration."""
    admin = server.login('admin', 'admin')
    accounts = {}
    for login in COMPANIES:
        [user] = admin.execute('res.users', 'search_read', [('login', '=', login)],
                               ['partner_id'])
        [partner] = admin.execute('res.partner', 'read', [user['partner_id'][0]],
                                  ['commercial_partner_id'])
        [account] = admin.execute('kepos.barter.account', 'search',
                                  [('partner_id', '=', partner['commercial_partner_id'][0])])
        accounts[login] = (user['id'], account)
    admin.execute('kepos.barter.account', 'write', [a for _u, a in accounts.values()],
                  {'credit_limit': 10 ** 6, 'upper_limit': 0})
    users = []
    for index in range(clients):
        login, other = COMPANIES[index % 2], COMPANIES[1 - index % 2]
        name = 'banc_%02d' % index
        uid = admin.execute('res.users', 'copy', accounts[login][0], {
            'login': name, 'name': 'Banc d\'essai %02d' % index, 'password': name})
        [partner] = admin.execute('res.users', 'read', [uid], ['partner_id'])
        users.append({'login': name, 'partner': partner['partner_id'][0],
                      'account': accounts[login][1], 'other_account': accounts[other][1]})
    event_type = admin.ref('kepos_events.event_type_monthly_meeting')
    events = [admin.execute('event.event', 'create', {
        'name': 'Réunion mensuelle – banc d\'essai %d' % index,
        'event_type_id': event_type, 'date_begin': '2030-01-%02d 17:00:00' % (index + 1),
        'date_end': '2030-01-%02d 19:00:00' % (index + 1), 'seats_availability': 'unlimited'})
        for index in range(EVENTS)]
    admin.execute('event.event', 'button_confirm', events)
    plan = {'events': events,
            'category': admin.ref('kepos_synergy.category_pallet'),
            'uom': admin.ref('product.product_uom_unit')}
    return users, plan


def run(server, users, plan, seconds, seed):
    jobs = [(server.url, server.db, user, plan, seconds, seed + index)
            for index, user in enumerate(users)]
    started = time.time()
    if len(jobs) == 1:
        results = [drive(jobs[0])]
    else:
        with multiprocessing.Pool(len(jobs)) as pool:
            results = pool.map(drive, jobs)
    elapsed = time.time() - started
    latencies = sorted(t for result in results for t in result[0])
    errors = [e for result in results for e in result[1]]
    return {'elapsed': elapsed, 'latencies': latencies, 'errors': errors,
            'transfers': sum(result[2] for result in results),
            'rate': len(latencies) / elapsed}


def percentile(values, fraction):
    return values[min(len(values) - 1, int(fraction * len(values)))] if values else 0.0


def check_capital(db):
    """The share register's issues equal the paid subscription invoices, and a
    subscription is done exactly when its invoice is paid."""
    issued, paid = query(db, """
        SELECT (SELECT COALESCE(SUM(amount), 0) FROM kepos_share_line
                 WHERE move_type = 'issue'),
               (SELECT COALESCE(SUM(i.amount_total), 0) FROM kepos_subscription s
                  JOIN account_invoice i ON i.id = s.invoice_id
                 WHERE s.state = 'done' AND i.state = 'paid')""")[0]
    broken = [] if float(issued) == float(paid) else [
        'shares issued for %s, subscription invoices paid %s' % (issued, paid)]
    broken += ['subscription %s is %s but its invoice is %s' % tuple(row) for row in query(db, """
        SELECT s.name, s.state, i.state FROM kepos_subscription s
          JOIN account_invoice i ON i.id = s.invoice_id
         WHERE s.state <> 'cancelled' AND (s.state = 'done') <> (i.state = 'paid')""")]
    return broken


def log_errors(server):
    """Errors of the server log, and the number of concurrent updates that
    Odoo retried: those are the row locks doing their job, and Odoo logs each
    conflicting query as an error before it retries the request."""
    lines = server.errors_in_log()
    conflicts = sum('odoo.sql_db: bad query' in line for line in lines)
    with open(server.log, errors='replace') as log:
        retries = log.read().count('SERIALIZATION_FAILURE, retry')
    errors = [line for line in lines if 'odoo.sql_db: bad query' not in line]
    if conflicts > retries:
        errors.append('%d failed queries, %d retried' % (conflicts, retries))
    return errors, retries


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--db', required=True)
    parser.add_argument('--size', choices=sorted(SIZES), default='small')
    options = parser.parse_args()
    clients, seconds, baseline_seconds = SIZES[options.size]

    log_name = 'bench-load-%s.log' % options.db
    if os.path.exists(os.path.join(VAR, 'log', log_name)):
        os.remove(os.path.join(VAR, 'log', log_name))
    started = time.time()
    server = Server(options.db, workers=2, log_name=log_name)
    print('server ready in %.1f s' % (time.time() - started))
    try:
        users, plan = prepare(server, clients + 1)
        # Each worker loads the registry on its first request: not part of the figures.
        warm = run(server, users[:clients], plan, 2, 0)
        load = run(server, users[:clients], plan, seconds, 1000)
        single = run(server, users[clients:], plan, baseline_seconds, 2000)
        server_errors, retries = log_errors(server)
    finally:
        server.stop()

    booked = int(query(options.db, "SELECT COUNT(*) FROM kepos_barter_transfer "
                                   "WHERE state = 'done' AND memo = '%s'"
                       % MEMO.replace("'", "''"))[0][0])
    acknowledged = sum(r['transfers'] for r in (warm, load, single))
    broken = check_ledger(options.db) + check_capital(options.db)
    if booked != acknowledged:
        broken.append('%d transfers acknowledged, %d booked' % (acknowledged, booked))
    errors = warm['errors'] + load['errors'] + single['errors']
    for line in errors[:20] + server_errors[:20]:
        print('ERROR: ' + line.rstrip())
    for line in broken:
        print('BROKEN: ' + line)
    latencies = load['latencies']
    print('BENCH load_mix|%d clients x %d s, 2 workers|%.4f|%.4f|%.3f|'
          '%.1f requests/s vs %.1f with 1 client, %d requests, p50 %.0f ms, '
          'p95 %.0f ms, %d errors, %d conflicts retried, invariants %s' % (
              clients, seconds, 1 / load['rate'], 1 / single['rate'],
              single['rate'] / load['rate'], load['rate'], single['rate'],
              len(latencies), 1000 * percentile(latencies, 0.5),
              1000 * percentile(latencies, 0.95), len(errors) + len(server_errors), retries,
              'ok' if not broken else 'BROKEN'))
    return 1 if errors or server_errors or broken else 0


if __name__ == '__main__':
    sys.exit(main())
