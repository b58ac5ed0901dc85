# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.base.ir.ir_qweb.qweb import QWebException
from odoo.exceptions import AccessError, UserError

from .common import KeposCapitalCase


class TestReports(KeposCapitalCase):

    def test_share_certificate(self):
        bocal = self.env.ref('kepos_membership.member_bocal')
        line = self.env['kepos.share.line'].search(
            [('partner_id', '=', bocal.id), ('move_type', '=', 'issue')],
            limit=1)
        action = line.sudo(self.member_a).action_print_certificate()
        self.assertEqual(action['report_name'],
                         'kepos_membership.report_share_certificate')
        report = self.env.ref('kepos_membership.action_report_share_certificate')
        html = report.sudo(self.member_a).render_qweb_pdf(line.ids)[0].decode()
        self.assertIn(line.certificate_number, html)
        self.assertIn('Le Bocal Nanc', html)
        # French through the translations of the addon.
        self.assertIn('Certificat de parts sociales', html)
        self.assertIn('Signature', html)
        velocargo = self.env.ref('kepos_membership.member_velocargo')
        other = self.env['kepos.share.line'].search(
            [('partner_id', '=', velocargo.id), ('quantity', '>', 0)], limit=1)
        with self.assertRaises(AccessError):
            other.sudo(self.member_a).action_print_certificate()
        with self.assertRaises(QWebException):
            report.sudo(self.member_a).render_qweb_pdf(other.ids)
        redemption = self.env['kepos.share.line'].search(
            [('move_type', '=', 'redemption')], limit=1)
        with self.assertRaises(UserError):
            redemption.action_print_certificate()

    def test_share_register(self):
        wizard = self.env['kepos.register.report.wizard'].sudo(
            self.manager).create({'date_from': '2025-01-01',
                                  'date_to': '2025-12-31'})
        self.assertEqual(wizard.action_print()['report_name'],
                         'kepos_membership.report_share_register')
        lines = wizard._lines()
        self.assertTrue(lines)
        self.assertTrue(all('2025-01-01' <= l.date <= '2025-12-31'
                            for l in lines))
        report = self.env.ref('kepos_membership.action_report_share_register')
        # The web client renders in the user's language.
        html = report.sudo(self.manager).with_context(
            lang=self.manager.lang).render_qweb_pdf(wizard.ids)[0].decode()
        self.assertIn('Registre des parts sociales', html)
        for line in lines.filtered('certificate_number'):
            self.assertIn(line.certificate_number, html)
        self.assertIn('Métropole du Grand Nancy', html)
        bad = self.env['kepos.register.report.wizard'].sudo(self.manager).create(
            {'date_from': '2025-12-31', 'date_to': '2025-01-01'})
        with self.assertRaises(UserError):
            bad.action_print()

    def test_share_register_is_for_managers(self):
        """Every member's holdings: the board's, by any path."""
        Wizard = self.env['kepos.register.report.wizard']
        values = {'date_from': '2025-01-01', 'date_to': '2025-12-31'}
        for user in (self.member_a, self.staff):
            with self.assertRaises(AccessError):
                Wizard.sudo(user).create(values)
        report = self.env.ref('kepos_membership.action_report_share_register')
        self.assertEqual(report.groups_id,
                         self.env.ref('kepos_membership.group_kepos_manager'))
        # A wizard the user made (through the server, without the check of
        # its fields) still renders nothing for it.
        for user in (self.member_a, self.staff):
            wizard = Wizard.sudo(user)._kepos_server_create(values)
            with self.assertRaises(AccessError):
                wizard.sudo(user).action_print()
            with self.assertRaises((AccessError, QWebException)):
                report.sudo(user).render_qweb_pdf(wizard.ids)
            with self.assertRaises(AccessError):
                self.env['report.kepos_membership.report_share_register'] \
                    .sudo(user).get_report_values(wizard.ids)
