# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .common import KeposCapitalCase


class TestRegister(KeposCapitalCase):

    def test_balance_at_past_date(self):
        ref = self.env.ref
        recyclerie = ref('kepos_membership.member_recyclerie')
        ceramiques = ref('kepos_membership.member_ceramiques')
        brasserie = ref('kepos_membership.member_brasserie')
        Partner = self.env['res.partner']
        # La Recyclerie gave 10 of its 40 shares on 2025-06-30.
        self.assertEqual(
            recyclerie._kepos_share_count_at('2025-06-29'),
            {recyclerie.id: 40})
        self.assertEqual(
            recyclerie._kepos_share_count_at('2025-06-30'),
            {recyclerie.id: 30})
        # The workshop of ceramics withdrew on 2026-06-30.
        self.assertEqual(
            ceramiques._kepos_share_count_at('2026-06-29')[ceramiques.id], 10)
        self.assertEqual(ceramiques.kepos_share_count, 0)
        self.assertEqual(ceramiques.kepos_member_state, 'former')
        early = Partner._kepos_members_at('2024-02-15')
        self.assertIn(recyclerie, early)
        self.assertNotIn(brasserie, early)
        self.assertIn(brasserie, Partner._kepos_members_at('2025-02-06'))
        self.assertNotIn(ceramiques, Partner._kepos_members_at('2026-07-01'))
        # Balances are the sums of the register.
        counts = Partner._kepos_share_count_at('2099-01-01')
        for partner in Partner.browse(list(counts)):
            self.assertEqual(partner.kepos_share_count, counts[partner.id])

    def test_demo_states(self):
        ref = self.env.ref
        self.assertEqual(ref('kepos_membership.member_bocal').kepos_share_count, 60)
        self.assertEqual(
            ref('kepos_membership.candidate_couture').kepos_member_state,
            'candidate')
        self.assertEqual(
            ref('kepos_membership.candidate_ferme').kepos_member_state,
            'candidate')
        self.assertEqual(
            ref('kepos_membership.person_thomas').kepos_share_count, 5)
        members = self.env['res.partner'].search(
            [('kepos_member_state', '=', 'member')])
        # The twenty companies but the one that withdrew, two employees, the
        # city and the supporters' association.
        self.assertEqual(len(members), 23)

    def test_append_only(self):
        line = self.env['kepos.share.line'].search([], limit=1)
        with self.assertRaises(UserError):
            line.write({'quantity': 1000})
        with self.assertRaises(UserError):
            line.unlink()
        # Even SQL outside the ORM cannot rewrite the register.
        with self.assertRaises(psycopg2.Error), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                'UPDATE kepos_share_line SET quantity = 1000 WHERE id = %s',
                (line.id,))
        with self.assertRaises(psycopg2.Error), mute_logger('odoo.sql_db'), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                'DELETE FROM kepos_share_line WHERE id = %s', (line.id,))

    def test_capital_dashboard(self):
        company = self.company
        self.env.cr.execute(
            'SELECT SUM(amount) FROM kepos_share_line WHERE company_id = %s',
            (company.id,))
        total = self.env.cr.fetchone()[0]
        self.assertEqual(company.kepos_capital_amount, total)
        # The highest capital was reached before the redemption of 2026.
        self.assertEqual(company.kepos_capital_max_amount,
                         company.kepos_capital_amount + 500.0)
        self.assertEqual(company.kepos_capital_floor, max(
            company.kepos_capital_max_amount / 4.0,
            company.kepos_capital_minimum))
        self.assertGreater(company.kepos_public_capital_percent, 0)
        self.assertLess(company.kepos_public_capital_percent, 50)
        self.assertFalse(company.kepos_scic_warning)
        beneficiaries = self.env['res.partner'].search(
            [('kepos_category_id', '=', self.cat_beneficiary.id)])
        self.assertTrue(company._kepos_scic_warning(beneficiaries))
