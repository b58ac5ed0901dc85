# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class KeposCommitteeDecision(models.Model):
    _name = 'kepos.committee.decision'
    _description = 'Commitment committee decision'
    _order = 'date desc, id desc'

    # Recorded by the team on a planned committee (frozen once it is held,
    # see _check_committee_open).
    _kepos_client_fields = {
        'committee_id': 'staff:create', 'incubation_id': 'staff',
        'decision': 'staff', 'conditions': 'staff',
    }

    committee_id = fields.Many2one('kepos.committee', required=True,
                                   ondelete='cascade', index=True)
    date = fields.Date(related='committee_id.date', store=True,
                       readonly=True)
    committee_state = fields.Selection(related='committee_id.state',
                                       readonly=True)
    incubation_id = fields.Many2one('kepos.incubation', string='Project',
                                    required=True, ondelete='cascade',
                                    index=True)
    study_score = fields.Float(related='incubation_id.study_score',
                               readonly=True)
    decision = fields.Selection([
        ('go', 'Go'),
        ('no_go', 'No go'),
        ('postpone', 'Postponed'),
    ], required=True, default='go')
    conditions = fields.Text(
        help='Conditions attached to the decision, or what the committee '
             'expects before deciding again.')

    _sql_constraints = [
        ('project_unique', 'UNIQUE(committee_id, incubation_id)',
         'A committee decides once on each project.'),
    ]

    @api.constrains('committee_id', 'decision', 'incubation_id')
    def _check_committee_open(self):
        for decision in self:
            if decision.committee_id.state != 'planned':
                raise ValidationError(_(
                    'The decisions of a committee that has met cannot be '
                    'changed.'))

    def _check_applicable(self):
        """Refuse, before anything changes, a "go" the gates would refuse."""
        for decision in self.filtered(lambda d: d.decision == 'go'):
            project = decision.incubation_id
            if project.stage_id.kind in ('idea', 'study') and \
                    not project.score_ids:
                raise UserError(_(
                    'The committee cannot give a "go" to "%s": its '
                    'opportunity study is not scored yet.') % project.name)

    def _apply(self):
        """A "go" opens the search for an entrepreneur of a studied idea;
        a "no go" abandons the project; a postponement leaves it where it
        is, with the conditions to meet before the next committee."""
        for decision in self:
            project = decision.incubation_id
            kind = project.stage_id.kind
            if decision.decision == 'go' and kind in ('idea', 'study'):
                project.action_search_entrepreneur()
            elif decision.decision == 'no_go' and kind != 'abandoned':
                project.write({'abandon_reason': decision.conditions or _(
                    'No-go decision of the committee "%s".'
                ) % decision.committee_id.name})
                project.action_abandon()
            elif decision.decision == 'postpone':
                project.message_post(body=_(
                    'Decision postponed by the committee "%s". %s') % (
                    decision.committee_id.name, decision.conditions or ''))
