# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .support_common import KeposSupportCase


class TestSupportRequest(KeposSupportCase):

    def _ask(self, user, service=None, **values):
        vals = {'name': 'Aide pour un dossier', 'kind': 'funding'}
        vals.update(values)
        request = self.env['kepos.support.request'].sudo(user).create(vals)
        if service:
            # The team chooses the service, which decides the invoicing.
            request.sudo(self.coach).write({'service_id': service.id})
        return request

    def _log(self, request, hours):
        return self.env['account.analytic.line'].sudo(self.coach).create({
            'name': 'Rendez-vous',
            'task_id': request.task_id.id,
            'project_id': request.project_id.id,
            'account_id': request.project_id.analytic_account_id.id,
            'user_id': self.coach.id,
            'unit_amount': hours,
        })

    def test_life_cycle_with_timesheets_and_hourly_invoice(self):
        request = self._ask(self.user_a, service=self.env.ref(
            'kepos_incubator.support_service_consulting'))
        self.assertEqual(request.partner_id, self.member_a)
        self.assertEqual(request.state, 'new')
        # Members do not run their own requests.
        with self.assertRaises(AccessError):
            request.sudo(self.user_a).action_qualify()
        with self.assertRaises(AccessError):
            request.sudo(self.user_a).write({'coach_id': self.user_a.id})
        staff_request = request.sudo(self.coach)
        with self.assertRaises(UserError):
            staff_request.action_qualify()  # no coach yet
        staff_request.coach_id = self.coach
        staff_request.action_qualify()
        staff_request.action_start()
        self.assertEqual(request.state, 'in_progress')
        project = request.project_id
        self.assertEqual(project.partner_id, self.member_a)
        self.assertEqual(project.kepos_support_year, request.year)
        self.assertEqual(request.task_id.project_id, project)

        # A second request of the same member and year is planned in the same project.
        other = self._ask(self.user_a, kind='legal')
        other.sudo(self.coach).write({'coach_id': self.coach.id})
        other.sudo(self.coach).action_qualify()
        other.sudo(self.coach).action_start()
        self.assertEqual(other.project_id, project)
        self.assertNotEqual(other.task_id, request.task_id)

        self._log(request, 1.5)
        self._log(request, 2.0)
        self.assertAlmostEqual(request.hours, 3.5)
        # The member sees the hours without any project right.
        self.assertAlmostEqual(request.sudo(self.user_a).hours, 3.5)

        staff_request.action_done()
        invoice = staff_request.action_create_invoice()
        self.assertEqual(invoice.state, 'draft')
        self.assertEqual(invoice.type, 'out_invoice')
        self.assertEqual(invoice.partner_id, self.member_a)
        self.assertEqual(invoice.company_id, self.env.ref('base.main_company'))
        self.assertAlmostEqual(invoice.invoice_line_ids.quantity, 3.5)
        self.assertAlmostEqual(invoice.amount_untaxed, 3.5 * 60.0)
        self.assertEqual(request.invoice_id, invoice)
        with self.assertRaises(UserError):
            staff_request.action_create_invoice()

        # The member rates the support once done.
        request.sudo(self.user_a).write({'satisfaction': 5, 'outcome': 'Dossier déposé.'})
        self.assertEqual(request.satisfaction, 5)

    def test_fixed_price_and_included_services(self):
        request = self._ask(self.user_a, kind='tender', service=self.env.ref(
            'kepos_incubator.support_service_tender'))
        request.sudo(self.coach).write({'coach_id': self.coach.id})
        request.sudo(self.coach).action_qualify()
        request.sudo(self.coach).action_start()
        invoice = request.sudo(self.coach).action_create_invoice()
        self.assertAlmostEqual(invoice.invoice_line_ids.quantity, 1.0)
        self.assertAlmostEqual(invoice.amount_untaxed, 450.0)

        included = self._ask(self.user_a, service=self.env.ref(
            'kepos_incubator.support_service_funding'))
        included.sudo(self.coach).write({'coach_id': self.coach.id})
        included.sudo(self.coach).action_qualify()
        included.sudo(self.coach).action_start()
        with self.assertRaises(UserError):
            included.sudo(self.coach).action_create_invoice()
        self.assertFalse(included.invoice_id)

    def test_dedicated_project_and_decline(self):
        large = self._ask(self.user_a)
        large.sudo(self.coach).write({'coach_id': self.coach.id, 'dedicated_project': True})
        large.sudo(self.coach).action_qualify()
        large.sudo(self.coach).action_start()
        self.assertEqual(large.project_id.name, large.name)

        declined = self._ask(self.user_b)
        with self.assertRaises(UserError):
            declined.sudo(self.coach).action_decline()  # no reason
        declined.sudo(self.coach).write({'decline_reason': 'Hors de notre champ.'})
        declined.sudo(self.coach).action_decline()
        self.assertEqual(declined.state, 'declined')
        with self.assertRaises(UserError):
            declined.sudo(self.coach).action_start()

    def test_bad_input(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env['kepos.support.request'].sudo(self.user_a).create({'name': 'Sans type'})
        request = self._ask(self.user_a)
        # No rating before the support is done.
        with self.assertRaises(ValidationError), self.cr.savepoint():
            request.sudo(self.user_a).write({'satisfaction': 4})
        request.sudo(self.coach).write({'coach_id': self.coach.id})
        request.sudo(self.coach).action_qualify()
        request.sudo(self.coach).action_start()
        request.sudo(self.coach).action_done()
        for rating in (-1, 6):
            with self.assertRaises((ValidationError, psycopg2.IntegrityError)), \
                    self.cr.savepoint(), mute_logger('odoo.sql_db'):
                request.sudo(self.user_a).write({'satisfaction': rating})
        self.assertFalse(request.satisfaction)

    def test_members_see_only_their_requests(self):
        request_a = self._ask(self.user_a)
        request_b = self._ask(self.user_b)
        Request = self.env['kepos.support.request']
        self.assertEqual(Request.sudo(self.user_a).search([]), request_a)
        self.assertEqual(Request.sudo(self.user_b).search([]), request_b)
        with self.assertRaises(AccessError):
            request_b.sudo(self.user_a).read(['name'])
        with self.assertRaises(AccessError):
            request_b.sudo(self.user_a).write({'description': 'Modifié'})
        # A member cannot file a request in another member's name.
        with self.assertRaises(AccessError):
            Request.sudo(self.user_a).create({
                'name': 'Usurpation', 'kind': 'other', 'partner_id': self.member_b.id})
        self.assertIn(request_b, Request.sudo(self.coach).search([]))
