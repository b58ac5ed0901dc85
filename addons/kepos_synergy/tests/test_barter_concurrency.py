# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
import threading
import time

from psycopg2 import OperationalError, errorcodes

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase, at_install, post_install
from odoo.tools import mute_logger

RETRY_CODES = (errorcodes.SERIALIZATION_FAILURE,
               errorcodes.DEADLOCK_DETECTED)


@at_install(False)
@post_install(True)
class TestBarterConcurrency(TransactionCase):
    """Transfers booked from several threads, each with its own committed
    transaction, as the server's workers would. The test's own transaction
    cannot see their data, so it commits its fixtures through separate
    cursors and removes everything it committed at the end. Post-install:
    while modules load, the registry lock keeps other threads waiting."""

    def setUp(self):
        super().setUp()
        self.account_ids = []
        self.partner_ids = []
        self.addCleanup(self._remove_committed)

    def _with_env(self, function):
        with api.Environment.manage(), self.registry.cursor() as cr:
            result = function(api.Environment(cr, SUPERUSER_ID, {}))
            cr.commit()
            return result

    def _open_accounts(self, limits):
        def create(env):
            ids = []
            for index, limit in enumerate(limits):
                partner = env['res.partner'].create({
                    'name': 'Concurrence %d' % index, 'is_company': True})
                account = env['kepos.barter.account'].create({
                    'partner_id': partner.id, 'credit_limit': limit})
                account.action_open()
                self.partner_ids.append(partner.id)
                ids.append(account.id)
            return ids
        self.account_ids = self._with_env(create)
        return self.account_ids

    def _remove_committed(self):
        def remove(env):
            cr = env.cr
            cr.execute('SELECT id FROM kepos_barter_transfer WHERE '
                       'payer_account_id IN %s OR payee_account_id IN %s',
                       (tuple(self.account_ids), tuple(self.account_ids)))
            transfer_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM mail_message WHERE (model = "
                       "'kepos.barter.transfer' AND res_id IN %s) OR (model = "
                       "'kepos.barter.account' AND res_id IN %s)",
                       (transfer_ids, tuple(self.account_ids)))
            cr.execute('DELETE FROM kepos_barter_transfer WHERE id IN %s',
                       (transfer_ids,))
            cr.execute('DELETE FROM kepos_barter_account WHERE id IN %s',
                       (tuple(self.account_ids),))
            cr.execute('DELETE FROM res_partner WHERE id IN %s',
                       (tuple(self.partner_ids),))
        if self.account_ids:
            self._with_env(remove)

    def _book(self, payer_id, payee_id, amount, barrier=None):
        """Book one transfer in its own transaction, retried on
        serialisation failures like the server's RPC dispatcher does.
        Returns 'done' or 'refused'."""
        for attempt in range(10):
            try:
                with api.Environment.manage(), \
                        self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    transfer = env['kepos.barter.transfer'].create({
                        'payer_account_id': payer_id,
                        'payee_account_id': payee_id,
                        'amount': amount, 'memo': 'Race'})
                    if barrier:
                        # Both transactions have their snapshot before
                        # either books: the worst interleaving.
                        barrier.wait(30)
                        barrier = None
                    try:
                        transfer.action_done()
                    except UserError:
                        cr.rollback()
                        return 'refused'
                    cr.commit()
                    return 'done'
            except OperationalError as error:
                if error.pgcode not in RETRY_CODES:
                    raise
                # A growing random backoff, as Odoo's dispatcher does: with a
                # fixed short one, four threads on a loaded machine can keep
                # colliding until the retries run out.
                time.sleep(random.uniform(0.0, 0.05 * 2 ** attempt))
        raise AssertionError('transfer never got through')

    def _run_threads(self, jobs, workers):
        """Book the jobs from `workers` threads; each thread books its share
        one after the other, like a server worker."""
        results = [None] * len(jobs)

        def run(indexes):
            for index in indexes:
                results[index] = self._book(*jobs[index])
        threads = [threading.Thread(target=run,
                                    args=(range(start, len(jobs), workers),))
                   for start in range(workers)]
        # Serialisation failures are expected and retried; the database
        # layer would log each one as an error.
        with mute_logger('odoo.sql_db'):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        return results

    def _figures(self):
        def read(env):
            env.cr.execute(
                'SELECT id, balance, credit_limit FROM kepos_barter_account '
                'WHERE id IN %s ORDER BY id', (tuple(self.account_ids),))
            accounts = env.cr.fetchall()
            env.cr.execute('SELECT COALESCE(SUM(balance), 0) '
                           'FROM kepos_barter_account')
            return accounts, env.cr.fetchone()[0]
        return self._with_env(read)

    def test_race_over_the_limit(self):
        payer, payee1, payee2 = self._open_accounts([100.0, 100.0, 100.0])
        barrier = threading.Barrier(2)
        results = self._run_threads([(payer, payee1, 60.0, barrier),
                                     (payer, payee2, 60.0, barrier)], 2)
        self.assertEqual(sorted(results), ['done', 'refused'])
        accounts, total = self._figures()
        self.assertEqual(accounts[0][1], -60.0)
        self.assertEqual(sorted([accounts[1][1], accounts[2][1]]),
                         [0.0, 60.0])
        self.assertEqual(total, 0)

    def test_many_threads_conserve_units(self):
        ids = self._open_accounts([50.0, 80.0, 120.0, 30.0])
        rng = random.Random(8)
        jobs = []
        for _index in range(24):
            payer, payee = rng.sample(ids, 2)
            jobs.append((payer, payee, rng.randint(500, 4500) / 100.0))
        results = self._run_threads(jobs, 4)
        self.assertNotIn(None, results)
        self.assertIn('refused', results)
        accounts, total = self._figures()
        self.assertEqual(total, 0)
        for _id, balance, limit in accounts:
            self.assertGreaterEqual(balance, -limit)
        # Python floats of the numeric balances: compare at the cent.
        self.assertEqual(round(sum(balance for _id, balance, _l in accounts), 2), 0)
        self.assertEqual(self._ledger(), {row[0]: row[1] for row in accounts})

    def _ledger(self):
        def read(env):
            ledger = dict.fromkeys(self.account_ids, 0.0)
            for transfer in env['kepos.barter.transfer'].search([
                    ('state', '=', 'done'),
                    ('payer_account_id', 'in', self.account_ids)]):
                ledger[transfer.payer_account_id.id] -= transfer.amount
                ledger[transfer.payee_account_id.id] += transfer.amount
            return {key: round(value, 2) for key, value in ledger.items()}
        return self._with_env(read)
