# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

DOCUMENT_KINDS = [
    ('dc1', 'DC1 application letter'),
    ('dc2', 'DC2 candidate statement'),
    ('memo', 'Technical memo'),
    ('price', 'Price schedule'),
    ('references', 'References'),
    ('insurance', 'Insurance certificate'),
    ('other', 'Other'),
]


class KeposTenderDocument(models.Model):
    """One piece of the answer, owed by one member: the checklist that
    blocks the submission until every mandatory piece is attached."""
    _name = 'kepos.tender.document'
    _description = 'Tender answer document'
    _order = 'bid_id, deadline, id'
    # The staff draw up the checklist; a member attaches the file of the
    # documents its company owes (record rules), nothing else.
    _kepos_client_fields = dict(
        {name: 'staff' for name in (
            'kind', 'name', 'member_id', 'bid_lot_id', 'mandatory',
            'deadline')},
        bid_id='staff:create', file='member', file_name='member')

    bid_id = fields.Many2one(
        'kepos.tender.bid', string='Bid', required=True, ondelete='cascade',
        index=True)
    kind = fields.Selection(DOCUMENT_KINDS, string='Kind', required=True,
                            default='other')
    name = fields.Char(string='Document', required=True)
    member_id = fields.Many2one(
        'kepos.tender.member', string='Owed by', ondelete='cascade',
        domain="[('bid_id', '=', bid_id)]")
    bid_lot_id = fields.Many2one(
        'kepos.tender.bid.lot', string='Lot', ondelete='cascade',
        domain="[('bid_id', '=', bid_id)]")
    mandatory = fields.Boolean(string='Mandatory', default=True)
    deadline = fields.Date(string='Due date')
    file = fields.Binary(string='File', attachment=True, copy=False)
    file_name = fields.Char(string='File name', copy=False)
    done = fields.Boolean(
        string='Provided', compute='_compute_done', store=True,
        help='The document is provided once its file is attached.')
    task_id = fields.Many2one('project.task', string='Task', readonly=True,
                              copy=False)

    @api.depends('file')
    def _compute_done(self):
        for document in self:
            document.done = bool(document.file)

    def write(self, vals):
        res = super().write(vals)
        if 'file' in vals:
            # The project's task follows its document (members cannot
            # reach the cooperative's project themselves): the write above
            # checked the user may provide these documents.
            for document in self.filtered('task_id'):
                document.task_id.sudo().kanban_state = \
                    'done' if document.done else 'normal'
        return res
