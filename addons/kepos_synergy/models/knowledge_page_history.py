# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import GRANT_KEY, ServerGrant


class DocumentPageHistory(models.Model):
    """The approval workflow of document_page_approval: its buttons write
    the state of a change request; no client writes it directly (nor who
    approved it, nor when)."""
    _inherit = 'document.page.history'

    _kepos_client_fields = {
        'state': 'server', 'approved_date': 'server', 'approved_uid': 'server',
    }

    def _kepos_granted(self):
        """These change requests, allowed to write their state: only once
        the calling method has checked who acts."""
        return self.with_context(
            **{GRANT_KEY: ServerGrant(self._name, self.ids)})

    def _kepos_check_owner_or_approver(self):
        for change in self:
            if not (change.am_i_owner or change.am_i_approver):
                raise UserError(_(
                    'Only the author of this change or its approvers can do '
                    'this.'))

    def _kepos_check_states(self, states):
        for change in self:
            if change.state not in states:
                raise UserError(_(
                    'The change %s cannot do this in its present state.')
                    % change.display_name)

    @api.multi
    def action_approve(self):
        # document_page_approval 11.0 formats its refusal message wrongly and
        # raises a TypeError instead: refuse with a readable message first.
        self._kepos_check_states(('draft', 'to approve'))
        for change in self:
            if not change.am_i_approver:
                raise UserError(_(
                    'Only the members of these groups can approve this change: %s.')
                    % ', '.join(change.page_id.approver_group_ids.mapped('display_name')))
        return super(DocumentPageHistory, self._kepos_granted()).action_approve()

    @api.multi
    def action_to_approve(self):
        self._kepos_check_states(('draft',))
        self._kepos_check_owner_or_approver()
        return super(DocumentPageHistory,
                     self._kepos_granted()).action_to_approve()

    @api.multi
    def action_draft(self):
        self._kepos_check_states(('cancelled',))
        self._kepos_check_owner_or_approver()
        return super(DocumentPageHistory, self._kepos_granted()).action_draft()

    @api.multi
    def action_cancel(self):
        # document_page_approval lets anyone who can write the change
        # cancel it, an approved version included: only its author or an
        # approver, and not once approved.
        self._kepos_check_states(('draft', 'to approve'))
        self._kepos_check_owner_or_approver()
        return super(DocumentPageHistory, self._kepos_granted()).action_cancel()
