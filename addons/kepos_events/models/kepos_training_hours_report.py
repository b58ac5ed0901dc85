# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class KeposTrainingHoursReport(models.Model):
    """Hours of training attended, per company, year and training: the
    cooperative reports them yearly, for members and incubated projects."""
    _name = 'kepos.training.hours.report'
    _description = 'Training hours per member and year'
    _auto = False
    _order = 'year desc, member_id'

    member_id = fields.Many2one('res.partner', string='Company',
                                readonly=True)
    partner_id = fields.Many2one('res.partner', string='Participant',
                                 readonly=True)
    event_id = fields.Many2one('event.event', string='Training',
                               readonly=True)
    year = fields.Char(string='Year', readonly=True)
    hours = fields.Float(string='Hours attended', readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW kepos_training_hours_report AS (
                SELECT min(a.id) AS id,
                       r.kepos_member_id AS member_id,
                       r.partner_id AS partner_id,
                       s.event_id AS event_id,
                       to_char(s.date_start, 'YYYY') AS year,
                       sum(a.hours) AS hours
                  FROM kepos_training_attendance a
                  JOIN kepos_training_session s ON s.id = a.session_id
                  JOIN event_registration r ON r.id = a.registration_id
                 WHERE a.present
                 GROUP BY r.kepos_member_id, r.partner_id, s.event_id,
                          to_char(s.date_start, 'YYYY')
            )""")
