# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class BarterCase(SavepointCase):
    """Fresh participants with small limits, apart from the demo network."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The demo users work in French; the assertions read English.
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US'))
        cls.Account = cls.env['kepos.barter.account']
        cls.Transfer = cls.env['kepos.barter.transfer']
        cls.alpha = cls._open_account('Atelier Alpha', credit_limit=100.0)
        cls.beta = cls._open_account('Brasserie Beta', credit_limit=100.0)
        cls.gamma = cls._open_account('Coopérative Gamma', credit_limit=50.0,
                                      upper_limit=80.0)

    @classmethod
    def _open_account(cls, name, **values):
        partner = cls.env['res.partner'].create({'name': name,
                                                 'is_company': True})
        account = cls.env['kepos.barter.account'].create(
            dict(values, partner_id=partner.id))
        account.action_open()
        return account

    def _pay(self, payer, payee, amount, memo='Test', env=None):
        transfers = (env or self.env)['kepos.barter.transfer']
        transfer = transfers.create({
            'payer_account_id': payer.id, 'payee_account_id': payee.id,
            'amount': amount, 'memo': memo})
        transfer.action_done()
        return transfer

    def _balances(self, *accounts):
        self.env['kepos.barter.account'].invalidate_cache(['balance'])
        return [account.balance for account in accounts]

    def _assert_ledger(self):
        """Stored balances agree with the ledger and sum to zero."""
        cr = self.env.cr
        cr.execute("SET CONSTRAINTS kepos_barter_account_ledger, "
                   "kepos_barter_transfer_ledger IMMEDIATE")
        cr.execute("SET CONSTRAINTS kepos_barter_account_ledger, "
                   "kepos_barter_transfer_ledger DEFERRED")
        cr.execute("SELECT COALESCE(SUM(balance), 0) FROM kepos_barter_account")
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("""
            SELECT a.id FROM kepos_barter_account a
             WHERE a.balance <> COALESCE((
                SELECT SUM(CASE WHEN t.payee_account_id = a.id THEN t.amount
                                ELSE -t.amount END)
                  FROM kepos_barter_transfer t
                 WHERE t.state = 'done' AND a.id IN (t.payer_account_id,
                                                     t.payee_account_id)), 0)
        """)
        self.assertEqual(cr.fetchall(), [])
