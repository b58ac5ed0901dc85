# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.exceptions import UserError

from .common import KeposIncubatorCase


class TestFunderReport(KeposIncubatorCase):
    """A known data set: one cohort financed by the test funder, two
    projects in it, one launched in the period; facts outside the period
    or financed by someone else must not show."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.launched = env['kepos.incubation'].create({
            'name': 'Conserverie test', 'programme_id': cls.programme.id,
            'cohort_id': cls.cohort.id,
            'actor_ids': [(6, 0, [cls.funder.id])]})
        cls.launched.action_start_study()
        cls.launched.score_ids.write({'score': 4})
        env['kepos.committee'].create({
            'name': 'Comité', 'date': '2025-01-20',
            'decision_ids': [(0, 0, {'incubation_id': cls.launched.id,
                                     'decision': 'go'})]}).action_hold()
        cls.launched.write({'entrepreneur_ids': [(4, cls.entrepreneur.id)],
                            'launch_date': '2025-10-01',
                            'legal_form': 'scop', 'jobs_fte': 2.5})
        cls.launched.action_incubate()
        cls.launched.action_launch()
        cls.idea = env['kepos.incubation'].create({
            'name': 'Laverie test', 'programme_id': cls.programme.id,
            'cohort_id': cls.cohort.id})
        plan = cls.launched.project_id
        for date, hours in (('2024-11-05', 10.0), ('2025-02-03', 3.5),
                            ('2025-06-16', 4.0)):
            env['account.analytic.line'].create({
                'name': 'Suivi', 'date': date, 'unit_amount': hours,
                'project_id': plan.id})
        need = env['kepos.territorial.need']
        need.create({'name': 'Besoin 2025', 'date': '2025-03-01',
                     'incubation_ids': [(6, 0, cls.launched.ids)]})
        need.create({'name': 'Besoin 2024', 'date': '2024-03-01',
                     'incubation_ids': [(6, 0, cls.launched.ids)]})
        # Outside the cohort financed, in the same programme.
        env['kepos.incubation'].create({
            'name': 'Hors promotion', 'programme_id': cls.programme.id})
        grant = env['kepos.grant'].create({
            'name': 'Promotion de test', 'funder_id': cls.funder.id,
            'programme_id': cls.programme.id,
            'cohort_id': cls.cohort.id, 'amount_requested': 25000,
            'request_date': '2024-12-01'})
        grant.action_grant(20000, '2025-02-01')
        grant.action_receive(15000, '2025-03-01')
        other_funder = env['res.partner'].create({'name': 'Autre banque'})
        other = env['kepos.grant'].create({
            'name': 'Autre', 'funder_id': other_funder.id,
            'programme_id': cls.programme.id, 'amount_requested': 99000})
        other.action_grant(99000, '2025-02-01')

    def _wizard(self, date_from='2025-01-01', date_to='2025-12-31'):
        return self.env['kepos.funder.report.wizard'].sudo(self.staff).create({
            'funder_id': self.funder.id, 'date_from': date_from,
            'date_to': date_to})

    def _figure(self, html, css_class):
        match = re.search(r'class="text-right %s">(.*?)</t[dh]>' % css_class,
                          html, re.DOTALL)
        self.assertTrue(match, css_class)
        text = re.sub(r'<[^>]*>', '', match.group(1))
        # Normalise the French formatting: 15 000,00 € -> 15000.00
        return re.sub(r'[^\d,.-]', '', text).replace(',', '.')

    def test_values(self):
        values = self._wizard()._report_values()
        self.assertEqual(values['projects'], self.launched | self.idea)
        figures = values['figures']
        self.assertEqual(figures['need_count'], 1)
        self.assertEqual(figures['studied_count'], 1)
        self.assertEqual(figures['launched_count'], 1)
        self.assertAlmostEqual(figures['jobs_fte'], 2.5)
        self.assertEqual(figures['persons_count'], 1)
        self.assertEqual(figures['actors_count'], 1)
        self.assertAlmostEqual(figures['coaching_hours'], 7.5)
        self.assertAlmostEqual(values['amount_granted'], 20000)
        self.assertAlmostEqual(values['amount_received'], 15000)
        self.assertAlmostEqual(values['per_launched'], 15000)

    def test_pdf_renders_figures(self):
        wizard = self._wizard()
        report = self.env.ref('kepos_incubator.action_report_funder')
        html, _format = report.sudo(self.staff).render_qweb_pdf(wizard.ids)
        html = html.decode('utf-8')
        self.assertIn('Fondation de test', html)
        self.assertIn('Conserverie test', html)
        self.assertIn('Laverie test', html)
        self.assertNotIn('Hors promotion', html)
        self.assertNotIn('Autre banque', html)
        self.assertEqual(self.staff.lang, 'fr_FR')
        self.assertIn('Projets financés', html, 'the report speaks French')
        self.assertEqual(self._figure(html, 'kepos_needs'), '1')
        self.assertEqual(self._figure(html, 'kepos_launched'), '1')
        self.assertEqual(self._figure(html, 'kepos_jobs'), '2.5')
        self.assertEqual(self._figure(html, 'kepos_persons'), '1')
        self.assertEqual(self._figure(html, 'kepos_hours'), '7.5')
        self.assertEqual(self._figure(html, 'kepos_granted'), '20000.00')
        self.assertEqual(self._figure(html, 'kepos_received'), '15000.00')
        self.assertEqual(self._figure(html, 'kepos_per_launched'),
                         '15000.00')

    def test_no_grant_in_period(self):
        wizard = self._wizard('2023-01-01', '2023-12-31')
        with self.assertRaises(UserError):
            wizard.action_print()
        action = self._wizard().action_print()
        self.assertEqual(action['report_name'],
                         'kepos_incubator.report_funder')
