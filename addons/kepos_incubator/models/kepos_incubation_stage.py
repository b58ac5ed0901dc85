# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Pipeline steps in their order; the stage gates of kepos.incubation
# compare these ranks, so a project cannot skip a gate by being dragged
# several columns at once.
STAGE_KINDS = [
    ('idea', 'Idea'),
    ('study', 'Opportunity study'),
    ('search', 'Entrepreneur search'),
    ('incubation', 'Incubation'),
    ('launched', 'Launched'),
    ('abandoned', 'Abandoned'),
]
STAGE_RANK = {kind: rank for rank, (kind, _label) in enumerate(STAGE_KINDS)}


class KeposIncubationStage(models.Model):
    _name = 'kepos.incubation.stage'
    _description = 'Incubation pipeline stage'
    # Odoo 11 names field xmlids after the table: with the default table,
    # this model's "id" and "kind" would collide with kepos.incubation's
    # "stage_id" and "stage_kind", and their French labels would be lost.
    _table = 'kepos_incubation_pipeline_stage'
    _order = 'sequence, id'

    # The stages carry the gates and the members' visibility: managers'.
    _kepos_client_fields = {
        name: 'manager' for name in (
            'name', 'sequence', 'kind', 'fold', 'public', 'description')}

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(STAGE_KINDS, required=True, default='idea',
                            help='What the stage means for the gates '
                                 'and the impact indicators.')
    fold = fields.Boolean(string='Folded in kanban')
    public = fields.Boolean(
        string='Visible to members',
        help='Projects in this stage are shown to every member of the '
             'cooperative.')
    description = fields.Text(translate=True)
