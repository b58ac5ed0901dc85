# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .kepos_territorial_need import NEED_THEMES

MEASURES = ['need_count', 'project_count', 'studied_count', 'launched_count',
            'jobs_fte', 'persons_count', 'actors_count', 'coaching_hours',
            'grant_requested', 'grant_granted', 'grant_received']


class KeposImpactReport(models.Model):
    """Impact facts of the Serre à projets, one row per event (a need heard,
    an idea, a launch, a coaching timesheet, a grant), dated so that they
    add up per year, programme, cohort or funder."""
    _name = 'kepos.impact.report'
    _description = 'Serre à projets impact'
    _auto = False
    _order = 'date desc'

    # A database view: nothing to set.
    _kepos_client_fields = {}

    fact = fields.Selection([
        ('need', 'Territorial need'),
        ('project', 'Idea'),
        ('launch', 'Launch'),
        ('coaching', 'Coaching'),
        ('grant', 'Grant'),
    ], readonly=True)
    date = fields.Date(readonly=True)
    programme_id = fields.Many2one('kepos.programme', readonly=True)
    cohort_id = fields.Many2one('kepos.cohort', readonly=True)
    incubation_id = fields.Many2one('kepos.incubation', string='Project',
                                    readonly=True)
    funder_id = fields.Many2one('res.partner', string='Funder',
                                readonly=True)
    theme = fields.Selection(NEED_THEMES, readonly=True)
    qpv = fields.Boolean(string='Priority district (QPV)', readonly=True)
    need_count = fields.Integer(string='Needs collected', readonly=True)
    project_count = fields.Integer(string='Ideas', readonly=True)
    studied_count = fields.Integer(string='Ideas studied', readonly=True)
    launched_count = fields.Integer(string='Projects launched',
                                    readonly=True)
    jobs_fte = fields.Float(string='Jobs created (FTE)', readonly=True)
    persons_count = fields.Integer(string='Persons accompanied',
                                   readonly=True)
    actors_count = fields.Integer(string='Territorial actors involved',
                                  readonly=True)
    coaching_hours = fields.Float(readonly=True)
    grant_requested = fields.Float(string='Grants requested', readonly=True)
    grant_granted = fields.Float(string='Grants granted', readonly=True)
    grant_received = fields.Float(string='Grants received', readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kepos_impact_report AS
            SELECT row_number() OVER () AS id, f.* FROM (
                SELECT 'need'::varchar AS fact, n.date, n.programme_id,
                       NULL::integer AS cohort_id,
                       NULL::integer AS incubation_id,
                       NULL::integer AS funder_id, n.theme, n.qpv,
                       1 AS need_count, 0 AS project_count,
                       0 AS studied_count, 0 AS launched_count,
                       0.0 AS jobs_fte, 0 AS persons_count,
                       0 AS actors_count, 0.0 AS coaching_hours,
                       0.0 AS grant_requested, 0.0 AS grant_granted,
                       0.0 AS grant_received
                  FROM kepos_territorial_need n
                UNION ALL
                SELECT 'project', i.idea_date, i.programme_id, i.cohort_id,
                       i.id, NULL, i.theme, i.qpv, 0, 1,
                       CASE WHEN EXISTS (SELECT 1 FROM kepos_study_score s
                                          WHERE s.incubation_id = i.id)
                            THEN 1 ELSE 0 END,
                       0, 0.0,
                       (SELECT count(*) FROM kepos_incubation_entrepreneur_rel r
                         WHERE r.incubation_id = i.id),
                       (SELECT count(*) FROM kepos_incubation_actor_rel r
                         WHERE r.incubation_id = i.id),
                       0.0, 0.0, 0.0, 0.0
                  FROM kepos_incubation i
                UNION ALL
                SELECT 'launch', i.launch_date, i.programme_id, i.cohort_id,
                       i.id, NULL, i.theme, i.qpv, 0, 0, 0, 1,
                       i.jobs_fte, 0, 0, 0.0, 0.0, 0.0, 0.0
                  FROM kepos_incubation i
                  JOIN kepos_incubation_pipeline_stage st ON st.id = i.stage_id
                 WHERE st.kind = 'launched'
                UNION ALL
                SELECT 'coaching', l.date, i.programme_id, i.cohort_id, i.id,
                       NULL, i.theme, i.qpv, 0, 0, 0, 0, 0.0, 0, 0,
                       l.unit_amount, 0.0, 0.0, 0.0
                  FROM account_analytic_line l
                  JOIN project_project p ON p.id = l.project_id
                  JOIN kepos_incubation i ON i.id = p.kepos_incubation_id
                UNION ALL
                SELECT 'grant', COALESCE(g.grant_date, g.request_date),
                       COALESCE(g.programme_id, c.programme_id,
                                i.programme_id),
                       COALESCE(g.cohort_id, i.cohort_id), g.incubation_id,
                       g.funder_id, i.theme, i.qpv, 0, 0, 0, 0, 0.0, 0, 0,
                       0.0, g.amount_requested,
                       COALESCE(g.amount_granted, 0.0),
                       COALESCE(g.amount_received, 0.0)
                  FROM kepos_grant g
                  LEFT JOIN kepos_incubation i ON i.id = g.incubation_id
                  LEFT JOIN kepos_cohort c ON c.id = g.cohort_id
                 WHERE g.state != 'refused'
            ) f
        """)

    @api.model
    def _indicators(self, domain):
        """Sum every measure over the facts of the domain."""
        groups = self.read_group(domain, MEASURES, [])
        figures = {m: (groups[0][m] or 0) if groups else 0 for m in MEASURES}
        figures['grant_per_launched'] = (
            figures['grant_received'] / figures['launched_count']
            if figures['launched_count'] else 0.0)
        return figures
