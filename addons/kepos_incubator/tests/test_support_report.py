# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields

from .support_common import KeposSupportCase


class TestSupportReport(KeposSupportCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = date.today().year
        Request = cls.env['kepos.support.request']
        cls.request_a = Request.sudo(cls.user_a).create({
            'name': 'Répondre au marché des cantines', 'kind': 'tender'})
        cls.request_a.sudo(cls.coach).write({'coach_id': cls.coach.id})
        cls.request_a.sudo(cls.coach).action_qualify()
        cls.request_a.sudo(cls.coach).action_start()
        cls.env['account.analytic.line'].sudo(cls.coach).create({
            'name': 'Relecture du mémoire technique',
            'task_id': cls.request_a.task_id.id,
            'project_id': cls.request_a.project_id.id,
            'account_id': cls.request_a.project_id.analytic_account_id.id,
            'unit_amount': 4.0,
        })
        Request.sudo(cls.user_b).create({'name': 'Statuts SCIC', 'kind': 'legal'})
        call = cls.env['kepos.funding.call'].create({
            'name': 'Fonds test', 'funder_id': cls.member_b.id,
            'date_open': fields.Date.to_string(date.today()),
            'date_close': fields.Date.to_string(date.today() + timedelta(days=1)),
        })
        application = cls.env['kepos.funding.application'].create({
            'call_id': call.id, 'partner_id': cls.member_a.id,
            'amount_requested': 10000, 'amount_obtained': 7500})
        application.action_submit()
        application.action_grant()

    def test_analysis_per_member_and_year(self):
        Report = self.env['kepos.support.report']
        rows = Report.sudo(self.user_a).read_group(
            [('year', '=', self.year)], ['partner_id', 'hours', 'request_count', 'amount_obtained'],
            ['partner_id'])
        self.assertEqual(len(rows), 1, 'A member sees only its own figures.')
        self.assertEqual(rows[0]['partner_id'][0], self.member_a.id)
        self.assertAlmostEqual(rows[0]['hours'], 4.0)
        self.assertEqual(rows[0]['request_count'], 1)
        self.assertAlmostEqual(rows[0]['amount_obtained'], 7500)
        staff_partners = Report.sudo(self.coach).search([]).mapped('partner_id')
        self.assertIn(self.member_b, staff_partners)

    def test_yearly_report_renders(self):
        wizard = self.env['kepos.support.yearly.wizard'].sudo(self.user_a).create({'year': self.year})
        self.assertEqual(wizard.partner_id, self.member_a)
        action = wizard.action_print()
        self.assertEqual(action['data'], {'year': self.year})
        html, _format = self.env.ref('kepos_incubator.action_report_support_yearly').sudo(
            self.user_a).render_qweb_pdf(self.member_a.ids, data={'year': self.year})
        html = html.decode()
        self.assertIn('Atelier Test A', html)
        self.assertIn('Répondre au marché des cantines', html)
        self.assertIn('4.00', html)
        self.assertNotIn('Statuts SCIC', html)
