# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

# Context keys a client could send: none of them unlocks anything.
FORGED_CONTEXTS = (
    {'kepos_server_write': True},
    {'kepos_transition': True},
    {'kepos_barter_transition': True},
    {'kepos_barter_counterpart': True},
)
REFUSED = (AccessError, UserError)


class BarterBoundaryCase(SavepointCase):
    """What member_a (Le Bocal), member_b (Vélo Cargo) and the staff can do
    to the barter ledger through the model, whatever the screens show; each
    refusal leaves the tables as they were."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US'))
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.member_b = ref('kepos_membership.user_member_b')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.bocal = ref('kepos_synergy.barter_account_bocal')
        cls.velocargo = ref('kepos_synergy.barter_account_velocargo')
        cls.octet = ref('kepos_synergy.barter_account_octet')
        # Le Bocal pays Vélo Cargo; Écoconception pays Octet.
        cls.a_to_b = ref('kepos_synergy.barter_transfer_02')
        cls.others = ref('kepos_synergy.barter_transfer_03')
        cls.draft = ref('kepos_synergy.barter_transfer_draft')
        cls.Transfer = cls.env['kepos.barter.transfer']

    def _snapshot(self):
        self.env['res.partner'].invalidate_cache()
        cr = self.env.cr
        cr.execute('SELECT id, state, balance, credit_limit, upper_limit, '
                   'partner_id, opening_date FROM kepos_barter_account '
                   'ORDER BY id')
        accounts = cr.fetchall()
        cr.execute('SELECT id, state, name, amount, memo, payer_account_id, '
                   'payee_account_id, invoice_id, reversed_transfer_id '
                   'FROM kepos_barter_transfer ORDER BY id')
        return accounts, cr.fetchall()

    def _refused(self, call, errors=REFUSED):
        before = self._snapshot()
        with self.assertRaises(errors):
            call()
        self.assertEqual(self._snapshot(), before)

    def _as(self, record, user):
        return record.sudo(user).with_context(lang='en_US')


class TestBarterBoundaryTransfer(BarterBoundaryCase):

    def test_reversal_by_the_payee_or_staff_only(self):
        # The payer alone cannot take back what it paid.
        self._refused(lambda: self._as(self.a_to_b, self.member_a)
                      .action_reverse(), AccessError)
        # A third member cannot even see the transfer.
        self._refused(lambda: self._as(self.others, self.member_a)
                      .action_reverse(), AccessError)
        self._refused(lambda: self._as(self.others, self.member_b)
                      .action_reverse(), AccessError)
        balances = (self.bocal.balance, self.velocargo.balance)
        reversal = self._as(self.a_to_b, self.member_b).action_reverse()
        self.assertEqual((reversal.state, reversal.payer_account_id,
                          reversal.payee_account_id, reversal.amount,
                          reversal.reversed_transfer_id),
                         ('done', self.velocargo, self.bocal,
                          self.a_to_b.amount, self.a_to_b))
        self.assertEqual((self.bocal.balance, self.velocargo.balance),
                         (balances[0] + self.a_to_b.amount,
                          balances[1] - self.a_to_b.amount))
        self._refused(lambda: self._as(self.a_to_b, self.member_b)
                      .action_reverse(), UserError)
        self.assertEqual(self._as(self.others, self.staff)
                         .action_reverse().state, 'done')

    def test_payer_is_the_members_own_and_never_changes(self):
        Transfer = self.Transfer.sudo(self.member_a)
        self._refused(lambda: Transfer.create({
            'payer_account_id': self.velocargo.id,
            'payee_account_id': self.bocal.id, 'amount': 5.0,
            'memo': 'Drawing on another member'}), AccessError)
        mine = Transfer.create({'payee_account_id': self.octet.id,
                                'amount': 5.0, 'memo': 'Mine'})
        self.assertEqual(mine.payer_account_id, self.bocal)
        for user in (self.member_a, self.staff, SUPERUSER_ID):
            self._refused(lambda: mine.sudo(user).write(
                {'payer_account_id': self.velocargo.id}))
        # The staff prepare a transfer from any account.
        by_staff = self.Transfer.sudo(self.staff).create({
            'payer_account_id': self.velocargo.id,
            'payee_account_id': self.octet.id, 'amount': 5.0,
            'memo': 'Prepared by the staff'})
        self.assertEqual(by_staff.payer_account_id, self.velocargo)

    def test_server_fields_refused(self):
        Transfer = self.Transfer.sudo(self.member_a)
        invoice = self.env['account.invoice'].search([], limit=1)
        vals = {'payee_account_id': self.octet.id, 'amount': 5.0,
                'memo': 'Forged'}
        for forged in ({'invoice_id': invoice.id},
                       {'reversed_transfer_id': self.a_to_b.id},
                       {'name': 'TROC/FAKE'}):
            self._refused(lambda: Transfer.create(dict(vals, **forged)),
                          AccessError)
        mine = Transfer.create(vals)
        for forged in ({'invoice_id': invoice.id},
                       {'reversed_transfer_id': self.a_to_b.id},
                       {'name': 'TROC/FAKE'}):
            self._refused(lambda: mine.write(forged), AccessError)
        # A draft's figures are the payer's to change, until it is booked.
        mine.write({'amount': 6.0, 'memo': 'Changed',
                    'payee_account_id': self.velocargo.id})
        mine.action_done()
        for changed in ({'amount': 7.0}, {'memo': 'After'},
                        {'payee_account_id': self.octet.id}):
            self._refused(lambda: mine.write(changed), UserError)

    def test_forged_default_keys_are_dropped(self):
        invoice = self.env['account.invoice'].search([], limit=1)
        transfer = self.Transfer.sudo(self.member_a).with_context(
            default_invoice_id=invoice.id, default_name='TROC/FAKE',
            default_reversed_transfer_id=self.a_to_b.id).create({
                'payee_account_id': self.octet.id, 'amount': 5.0,
                'memo': 'Defaults'})
        self.assertFalse(transfer.invoice_id)
        self.assertFalse(transfer.reversed_transfer_id)
        self.assertEqual(transfer.name, '/')

    def test_state_only_through_the_buttons(self):
        mine = self.Transfer.sudo(self.member_a).create({
            'payee_account_id': self.octet.id, 'amount': 5.0,
            'memo': 'State'})
        for context in FORGED_CONTEXTS + ({},):
            for user in (self.member_a, self.staff, SUPERUSER_ID):
                record = mine.sudo(user).with_context(**context)
                for state in ('done', 'cancelled'):
                    self._refused(lambda: record.write({'state': state}))
            self._refused(lambda: self.Transfer.sudo(self.member_a)
                          .with_context(**context).create({
                              'payee_account_id': self.octet.id,
                              'amount': 5.0, 'memo': 'Born done',
                              'state': 'done'}))
        # Booking and cancelling: the payer or the staff, from a draft.
        self._refused(lambda: self._as(self.draft, self.member_a)
                      .action_done(), AccessError)
        self._refused(lambda: self._as(self.draft, self.member_a)
                      .action_cancel(), AccessError)
        self._refused(lambda: self._as(self.a_to_b, self.member_a)
                      .action_cancel(), UserError)
        self._refused(lambda: self._as(self.a_to_b, self.member_a)
                      .action_done(), UserError)
        self._as(self.draft, self.member_b).action_cancel()
        self.assertEqual(self.draft.state, 'cancelled')
        self._refused(lambda: self._as(self.draft, self.member_b)
                      .action_done(), UserError)

    def test_create_and_post_checks_like_the_form(self):
        Transfer = self.Transfer.sudo(self.member_a)
        invoice = self.env['account.invoice'].search([], limit=1)
        vals = {'payee_account_id': self.octet.id, 'amount': 5.0,
                'memo': 'RPC'}
        self._refused(lambda: Transfer.create_and_post(
            dict(vals, invoice_id=invoice.id)), AccessError)
        self._refused(lambda: Transfer.create_and_post(
            dict(vals, payer_account_id=self.velocargo.id)), AccessError)
        self._refused(lambda: self.Transfer.sudo(self.member_a).with_context(
            kepos_server_write=True).create_and_post(
                dict(vals, invoice_id=invoice.id)), AccessError)
        balance = self.bocal.balance
        transfer = Transfer.browse(Transfer.create_and_post(vals))
        self.assertEqual((transfer.state, transfer.payer_account_id),
                         ('done', self.bocal))
        self.assertEqual(self.bocal.balance, balance - 5.0)

    def test_ledger_trigger_on_delete_and_moves(self):
        cr = self.env.cr
        for statement in (
                'DELETE FROM kepos_barter_transfer WHERE id = %s',
                'UPDATE kepos_barter_transfer SET payer_account_id = '
                '%s WHERE id = %%s' % self.octet.id):
            with mute_logger('odoo.sql_db'), self.assertRaises(
                    psycopg2.IntegrityError), cr.savepoint():
                cr.execute(statement, (self.a_to_b.id,))
                cr.execute('SET CONSTRAINTS kepos_barter_transfer_ledger '
                           'IMMEDIATE')
            cr.execute('SET CONSTRAINTS ALL DEFERRED')
        self.assertTrue(self.a_to_b.exists())


class TestBarterBoundaryAccount(BarterBoundaryCase):

    def test_balance_is_the_members_own(self):
        self._refused(lambda: self.velocargo.sudo(self.member_a).read(
            ['balance']), AccessError)
        found = self.env['kepos.barter.account'].sudo(
            self.member_a)._for_partner(self.velocargo.partner_id)
        self.assertEqual(found.id, self.velocargo.id)
        with self.assertRaises(AccessError):
            found.balance
        Directory = self.env['kepos.barter.directory'].sudo(self.member_a)
        self.assertFalse({'balance', 'credit_limit', 'upper_limit'}
                         & set(Directory._fields))
        self.assertTrue(Directory.search([]).read())

    def test_upper_limit_refusal_hides_the_payees_balance(self):
        self.velocargo.upper_limit = self.velocargo.balance + 1.0
        transfer = self.Transfer.sudo(self.member_a).create({
            'payee_account_id': self.velocargo.id, 'amount': 5.0,
            'memo': 'Probe'})
        with self.assertRaises(UserError) as refusal:
            transfer.action_done()
        message = refusal.exception.name
        self.assertIn('upper limit', message)
        self.assertNotIn('%.2f' % self.velocargo.balance, message)
        self.assertNotIn('%.2f' % self.velocargo.upper_limit, message)
        self.assertEqual(transfer.state, 'draft')

    def test_balance_gets_a_clean_error(self):
        for user in (self.staff, SUPERUSER_ID):
            self._refused(lambda: self.bocal.sudo(user).write(
                {'balance': 1000.0}), UserError)
        self._refused(lambda: self.bocal.sudo(self.member_a).write(
            {'balance': 1000.0}))
        partner = self.env['res.partner'].create({'name': 'Rich',
                                                  'is_company': True})
        self._refused(lambda: self.env['kepos.barter.account'].sudo(
            self.staff).create({'partner_id': partner.id,
                                'balance': 50.0}), UserError)

    def test_account_workflow_is_the_staffs(self):
        for context in FORGED_CONTEXTS + ({},):
            for user in (self.member_a, self.staff):
                self._refused(lambda: self.bocal.sudo(user).with_context(
                    **context).write({'state': 'closed'}), AccessError)
        for user in (self.member_a, self.staff):
            self._refused(lambda: self.bocal.sudo(user).write(
                {'opening_date': '2020-01-01'}), AccessError)
        self._refused(lambda: self.bocal.sudo(self.member_a).write(
            {'credit_limit': 5000.0}), AccessError)
        for method in ('action_suspend', 'action_close', 'action_open'):
            self._refused(lambda: getattr(
                self.bocal.sudo(self.member_a), method)(), AccessError)
        self._refused(lambda: self.bocal.sudo(self.staff).action_open(),
                      UserError)
        self._refused(lambda: self.bocal.sudo(self.staff).action_close(),
                      UserError)
        self.bocal.sudo(self.staff).action_suspend()
        self.assertEqual(self.bocal.state, 'suspended')
        self.bocal.sudo(self.staff).action_open()
        self.assertEqual(self.bocal.state, 'active')
        self.bocal.sudo(self.staff).write({'credit_limit': 2500.0})

    def test_statement_of_another_account_refused(self):
        Statement = self.env['kepos.barter.statement'].sudo(self.member_a)
        other = Statement.create({'account_id': self.velocargo.id,
                                  'date_from': '2020-01-01'})
        with self.assertRaises(AccessError):
            other.action_compute()
        with self.assertRaises(AccessError):
            other.action_print()
        self.assertFalse(other.line_ids)
        self.assertFalse(other.closing_balance)
        with self.assertRaises(AccessError):
            Statement.create({'date_from': '2020-01-01',
                              'closing_balance': 1.0})
        own = Statement.create({'date_from': '2020-01-01'})
        with self.assertRaises(AccessError):
            own.write({'line_ids': [(0, 0, {'memo': 'Forged'})]})
