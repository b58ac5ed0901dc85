# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class DocumentPageHistory(models.Model):
    _inherit = 'document.page.history'

    @api.multi
    def action_approve(self):
        # document_page_approval 11.0 formats its refusal message wrongly and
        # raises a TypeError instead: refuse with a readable message first.
        for change in self:
            if not change.am_i_approver:
                raise UserError(_(
                    'Only the members of these groups can approve this change: %s.')
                    % ', '.join(change.page_id.approver_group_ids.mapped('display_name')))
        return super().action_approve()
