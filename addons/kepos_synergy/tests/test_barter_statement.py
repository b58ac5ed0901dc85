# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .barter_common import BarterCase


class TestBarterStatement(BarterCase):

    def _pay_on(self, payer, payee, amount, date, memo):
        transfer = self._pay(payer, payee, amount, memo)
        # Back-dated for the test: the date is not a booked figure here.
        self.env.cr.execute('UPDATE kepos_barter_transfer SET date = %s '
                            'WHERE id = %s', (date, transfer.id))
        transfer.invalidate_cache(['date'])
        return transfer

    def test_statement_figures_and_pdf(self):
        self._pay_on(self.alpha, self.beta, 30.0, '2026-01-15', 'Janvier')
        self._pay_on(self.beta, self.alpha, 12.5, '2026-02-03', 'Février 1')
        self._pay_on(self.alpha, self.gamma, 20.25, '2026-02-20', 'Février 2')
        self._pay_on(self.gamma, self.alpha, 1.0, '2026-03-01', 'Mars')
        statement = self.env['kepos.barter.statement'].create({
            'account_id': self.alpha.id,
            'date_from': '2026-02-01', 'date_to': '2026-02-28'})
        statement.action_compute()
        self.assertEqual(statement.opening_balance, -30.0)
        self.assertEqual(statement.total_received, 12.5)
        self.assertEqual(statement.total_paid, 20.25)
        self.assertEqual(statement.closing_balance, -37.75)
        self.assertEqual(statement.line_ids.mapped('memo'),
                         ['Février 1', 'Février 2'])
        self.assertEqual(statement.line_ids.mapped('balance'),
                         [-17.5, -37.75])
        self.assertEqual(statement.line_ids[1].counterpart,
                         'Coopérative Gamma')
        html = self.env.ref('kepos_synergy.action_report_barter_statement')\
            .render_qweb_pdf(statement.ids)[0].decode()
        self.assertIn('Atelier Alpha', html)
        self.assertIn('Février 2', html)
        self.assertIn('37,75', html.replace('37.75', '37,75'))
        self.assertNotIn('Mars', html)

    def test_empty_period_keeps_balance(self):
        self._pay_on(self.alpha, self.beta, 30.0, '2026-01-15', 'Janvier')
        statement = self.env['kepos.barter.statement'].create({
            'account_id': self.beta.id,
            'date_from': '2026-04-01', 'date_to': '2026-04-30'})
        statement.action_compute()
        self.assertEqual((statement.opening_balance,
                          statement.closing_balance), (30.0, 30.0))
        self.assertFalse(statement.line_ids)

    def test_member_gets_own_statement_only(self):
        member_a = self.env.ref('kepos_membership.user_member_a')
        bocal = self.env.ref('kepos_synergy.barter_account_bocal')
        Statement = self.env['kepos.barter.statement'].sudo(member_a)
        own = Statement.create({'date_from': '2020-01-01'})
        self.assertEqual(own.account_id, bocal)
        own.action_compute()
        self.assertEqual(own.closing_balance, bocal.balance)
        self.assertTrue(own.line_ids)
        other = Statement.create({
            'account_id': self.env.ref(
                'kepos_synergy.barter_account_velocargo').id,
            'date_from': '2020-01-01'})
        with self.assertRaises(AccessError):
            other.action_compute()
        self.assertFalse(other.line_ids)
