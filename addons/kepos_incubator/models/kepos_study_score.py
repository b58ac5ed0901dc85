# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

MAX_SCORE = 5


class KeposStudyScore(models.Model):
    """The score of one project on one criterion of the rubric."""
    _name = 'kepos.study.score'
    _description = 'Opportunity study score'
    _order = 'sequence, id'

    # Scored by the team; a line stays on its project and criterion.
    _kepos_client_fields = {
        'incubation_id': 'staff:create', 'criterion_id': 'staff:create',
        'weight': 'staff', 'score': 'staff', 'comment': 'staff',
    }

    incubation_id = fields.Many2one('kepos.incubation', required=True,
                                    ondelete='cascade', index=True)
    criterion_id = fields.Many2one('kepos.study.criterion', required=True,
                                   ondelete='restrict')
    sequence = fields.Integer(related='criterion_id.sequence', store=True)
    # Copied at scoring time: changing the rubric later must not
    # rewrite the score of studies already presented to a committee.
    weight = fields.Integer(required=True)
    score = fields.Integer(required=True, default=0,
                           help='From 0 (very weak) to 5 (excellent).')
    comment = fields.Text()

    _sql_constraints = [
        ('score_range', 'CHECK(score >= 0 AND score <= %d)' % MAX_SCORE,
         'A criterion is scored from 0 to 5.'),
        ('weight_positive', 'CHECK(weight > 0)',
         'The weight of a criterion must be positive.'),
        ('criterion_unique', 'UNIQUE(incubation_id, criterion_id)',
         'Each criterion is scored once per project.'),
    ]

    @api.model
    def create(self, vals):
        if not vals.get('weight') and vals.get('criterion_id'):
            vals['weight'] = self.env['kepos.study.criterion'].browse(
                vals['criterion_id']).weight
        return super().create(vals)
