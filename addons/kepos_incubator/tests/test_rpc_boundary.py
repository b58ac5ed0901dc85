# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a client sends decides nothing by itself (issue 17): the calls a
browser's developer tools can make, as the demo users."""
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

# Context keys a client could send: none of them opens anything.
FORGED = ({'kepos_transition': True}, {'kepos_server_write': True},
          {'kepos_in_transition': True})


class KeposBoundaryCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.member_b = ref('kepos_membership.user_member_b')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.manager = ref('kepos_membership.user_kepos_manager')
        cls.company_a = cls.member_a.partner_id.commercial_partner_id
        cls.company_b = cls.member_b.partner_id.commercial_partner_id
        cls.funder = cls.env['res.partner'].create({
            'name': 'Fondation frontière', 'is_company': True})
        today = date.today()
        cls.call = cls.env['kepos.funding.call'].sudo(cls.staff).create({
            'name': 'Appel frontière', 'funder_id': cls.funder.id,
            'date_open': fields.Date.to_string(today - timedelta(days=1)),
            'date_close': fields.Date.to_string(today + timedelta(days=30)),
        })
        cls.call.action_open()

    def _refused(self, records, call, *args, **kwargs):
        """Every forged context still meets the same refusal."""
        for context in ({},) + FORGED:
            with self.assertRaises((AccessError, UserError)), \
                    self.cr.savepoint():
                getattr(records.with_context(**context), call)(
                    *args, **kwargs)


class TestFundingApplicationBoundary(KeposBoundaryCase):

    def _apply(self, user):
        return self.env['kepos.funding.application'].sudo(user).create({
            'call_id': self.call.id, 'amount_requested': 10000})

    def test_member_cannot_grant_its_own_application(self):
        application = self._apply(self.member_a)
        self.assertEqual(application.partner_id, self.company_a)
        application.action_submit()
        self._refused(application, 'write', {'state': 'granted'})
        self._refused(application, 'write', {'amount_obtained': 50000})
        self._refused(application, 'action_grant')
        self._refused(application, 'action_refuse')
        self._refused(application, 'write', {'amount_requested': 1})
        application.invalidate_cache()
        self.assertEqual(application.state, 'submitted')
        self.assertFalse(application.amount_obtained)
        self.assertEqual(application.amount_requested, 10000)
        # The team records the funder's answer, through the button only.
        staff_side = application.sudo(self.staff)
        self._refused(staff_side, 'write', {'state': 'granted'})
        staff_side.write({'amount_obtained': 8000})
        staff_side.action_grant()
        self.assertEqual(application.state, 'granted')
        self._refused(staff_side, 'action_refuse')

    def test_member_applies_for_its_own_company_only(self):
        Application = self.env['kepos.funding.application'].sudo(
            self.member_a)
        for vals in ({'partner_id': self.company_b.id},
                     {'state': 'submitted'}, {'amount_obtained': 1},
                     {'date_submitted': '2026-01-01'}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                Application.create(dict(vals, call_id=self.call.id))
        application = self._apply(self.member_a)
        with self.assertRaises(AccessError), self.cr.savepoint():
            application.write({'partner_id': self.company_b.id})
        # Frozen after create: an application stays on its call.
        with self.assertRaises(AccessError), self.cr.savepoint():
            application.write({'call_id': self.call.id})
        # Another member neither reads nor moves it.
        other = application.sudo(self.member_b)
        self._refused(other, 'action_submit')
        with self.assertRaises(AccessError), self.cr.savepoint():
            other.read(['amount_requested'])
        self.assertEqual(application.state, 'draft')
        self.assertEqual(application.partner_id, self.company_a)


class TestSupportRequestBoundary(KeposBoundaryCase):

    def test_member_asks_staff_answer(self):
        Request = self.env['kepos.support.request'].sudo(self.member_a)
        vals = {'name': 'Aide frontière', 'kind': 'legal'}
        for forced in ({'partner_id': self.company_b.id},
                       {'state': 'done'}, {'hours': 40},
                       {'invoice_id': False}, {'project_id': False},
                       {'service_id': self.env.ref(
                           'kepos_incubator.support_service_consulting').id},
                       {'coach_id': self.member_a.id},
                       {'request_date': '2020-01-01'}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                Request.create(dict(vals, **forced))
        # Defaults sent in the context are values too: the staff's dropped.
        request = Request.with_context(
            default_state='done', default_coach_id=self.staff.id,
            default_hours=40,
        ).create(dict(vals, partner_id=self.company_a.id))
        self.assertEqual(request.partner_id, self.company_a)
        self.assertEqual(request.state, 'new')
        self.assertFalse(request.coach_id)
        self._refused(request, 'write', {'state': 'done'})
        self._refused(request, 'write', {'partner_id': self.company_b.id})
        self._refused(request, 'write', {'coach_id': self.member_a.id})
        for action in ('action_qualify', 'action_decline',
                       'action_start', 'action_done',
                       'action_create_invoice'):
            self._refused(request, action)
        self._refused(request.sudo(self.member_b), 'write',
                      {'description': 'Pris'})
        request.invalidate_cache()
        self.assertEqual(request.state, 'new')
        self.assertFalse(request.coach_id)
        # The team answers through the buttons, never by writing the state.
        staff_side = request.sudo(self.staff)
        staff_side.write({'coach_id': self.staff.id})
        self._refused(staff_side, 'write', {'state': 'qualified'})
        staff_side.action_qualify()
        self.assertEqual(request.state, 'qualified')
        self._refused(staff_side, 'action_qualify')  # not new any more


class TestPipelineBoundary(KeposBoundaryCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        stage = cls.env.ref
        cls.idea = cls.env['kepos.incubation'].sudo(cls.staff).create({
            'name': 'Idée frontière'})
        cls.hidden = cls.env['kepos.incubation'].create({
            'name': 'Étude frontière',
            'stage_id': stage('kepos_incubator.stage_study').id})

    def test_stage_gates_are_the_staffs(self):
        member_idea = self.idea.sudo(self.member_a)
        for action in ('action_start_study', 'action_search_entrepreneur',
                       'action_incubate', 'action_launch', 'action_abandon',
                       'action_create_company', 'action_open_coaching_plan'):
            self._refused(member_idea, action)
        self.assertEqual(self.idea.stage_id.kind, 'idea')
        # The coaching plan is made by the pipeline, not chosen.
        plan = self.env['project.project'].create({'name': 'Plan forgé'})
        self._refused(self.idea.sudo(self.staff), 'write',
                      {'project_id': plan.id})
        self._refused(plan.sudo(self.staff), 'write',
                      {'kepos_incubation_id': self.idea.id})
        # The gates still hold for the staff.
        self._refused(self.idea.sudo(self.staff), 'action_launch')
        self.assertFalse(self.idea.project_id)

    def test_committee_decides_through_its_buttons(self):
        Committee = self.env['kepos.committee'].sudo(self.staff)
        with self.assertRaises(AccessError), self.cr.savepoint():
            Committee.create({'name': 'Comité forgé', 'date': '2026-03-01',
                              'state': 'held'})
        committee = Committee.create({
            'name': 'Comité frontière', 'date': '2026-03-01',
            'decision_ids': [(0, 0, {'incubation_id': self.idea.id,
                                     'decision': 'postpone'})]})
        self._refused(committee, 'write', {'state': 'held'})
        self._refused(committee.sudo(self.member_a), 'action_hold')
        self._refused(committee.sudo(self.member_a), 'action_cancel')
        self.assertEqual(committee.state, 'planned')
        committee.action_hold()
        self.assertEqual(committee.state, 'held')
        self._refused(committee, 'action_cancel')
        self._refused(committee, 'action_reset')

    def test_grant_state_through_buttons(self):
        grant = self.env['kepos.grant'].sudo(self.staff).create({
            'name': 'Subvention frontière', 'funder_id': self.funder.id,
            'incubation_id': self.idea.id, 'amount_requested': 5000})
        self._refused(grant, 'write', {'state': 'granted'})
        for action in ('action_grant', 'action_refuse', 'action_receive',
                       'action_justify'):
            self._refused(grant.sudo(self.member_a), action)
        self.assertEqual(grant.state, 'requested')
        grant.action_grant()
        self.assertEqual(grant.state, 'granted')
        self._refused(grant, 'action_refuse')

    def test_need_and_call_workflows(self):
        need = self.env['kepos.territorial.need'].sudo(self.staff).create({
            'name': 'Besoin frontière'})
        self._refused(need, 'write', {'state': 'addressed'})
        self._refused(need.sudo(self.member_a), 'action_qualify')
        self._refused(need, 'action_reset')  # only a dismissed need
        need.action_qualify()
        self.assertEqual(need.state, 'qualified')
        call = self.call.sudo(self.staff)
        self._refused(call, 'write', {'state': 'draft'})
        self._refused(call, 'write',
                      {'sent_partner_ids': [(4, self.company_b.id)]})
        self._refused(call.sudo(self.member_a), 'action_close')
        self._refused(call.sudo(self.member_a), 'action_send_to_suggested')
        self.assertEqual(self.call.state, 'open')
        self.assertFalse(self.call.sent_partner_ids)
        # Who matches or received a call is not a member's to read.
        for field in ('sent_partner_ids', 'suggested_partner_ids'):
            with self.assertRaises(AccessError):
                self.call.sudo(self.member_a).read([field])

    def test_superuser_reads_show_only_readable_projects(self):
        Incubation = self.env['kepos.incubation'].sudo(self.member_a)
        both = Incubation.browse((self.idea | self.hidden).ids)
        self.assertEqual(both._kepos_readable(), self.idea)
        self.assertEqual(
            set(self.env['kepos.incubation'].sudo(self.staff).browse(
                both.ids)._kepos_readable().ids), set(both.ids))


class TestReportsBoundary(KeposBoundaryCase):

    def test_yearly_report_of_own_company_only(self):
        Wizard = self.env['kepos.support.yearly.wizard'].sudo(self.member_a)
        wizard = Wizard.create({'partner_id': self.company_b.id,
                                'year': 2026})
        with self.assertRaises(AccessError):
            wizard.action_print()
        report = self.env.ref('kepos_incubator.action_report_support_yearly')
        with self.assertRaises(AccessError):
            report.sudo(self.member_a).render_qweb_html(
                self.company_b.ids, data={'year': 2026})
        own = Wizard.create({'partner_id': self.company_a.id, 'year': 2026})
        self.assertEqual(own.action_print()['data'], {'year': 2026})

    def test_funder_report_is_the_staffs(self):
        values = {'funder_id': self.funder.id, 'date_from': '2026-01-01',
                  'date_to': '2026-12-31'}
        with self.assertRaises(AccessError):
            self.env['kepos.funder.report.wizard'].sudo(
                self.member_a).create(values)
        wizard = self.env['kepos.funder.report.wizard'].sudo(
            self.staff).create(values)
        self._refused(wizard.sudo(self.member_a), 'action_print')
        Report = self.env['report.kepos_incubator.report_funder']
        with self.assertRaises(AccessError):
            Report.sudo(self.member_a).get_report_values(wizard.ids)
        # Another user's wizard is not a door to its figures either.
        with self.assertRaises(AccessError):
            Report.sudo(self.manager).get_report_values(wizard.ids)


class TestPolicyDeclared(SavepointCase):

    def test_every_model_and_method_declared(self):
        policy = self.env['kepos.rpc.policy'].describe()
        models = [
            'kepos.incubation', 'kepos.incubation.stage',
            'kepos.incubation.tag', 'kepos.committee',
            'kepos.committee.decision', 'kepos.cohort', 'kepos.programme',
            'kepos.study.criterion', 'kepos.study.score',
            'kepos.territorial.need', 'kepos.reference.initiative',
            'kepos.grant', 'kepos.funding.call', 'kepos.funding.application',
            'kepos.support.request', 'kepos.support.service',
            'kepos.support.report', 'kepos.impact.report', 'kepos.theme',
            'kepos.funder.report.wizard', 'kepos.support.yearly.wizard',
            'report.kepos_incubator.report_funder',
            'report.kepos_incubator.report_support_yearly']
        for name in models:
            undeclared = [m for m, rule in policy[name]['methods'].items()
                          if rule is None]
            self.assertFalse(undeclared, '%s: %s' % (name, undeclared))
        for name in models:
            if 'state' in self.env[name]._fields and \
                    not self.env[name]._abstract and \
                    self.env[name]._auto:
                self.assertTrue(policy[name]['workflow'], name)
