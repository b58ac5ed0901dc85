# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, fields, models

from odoo.addons.kepos_membership.lib.guard import kepos_action

# Days before the submission deadline by which each kind of document is
# due: forms and certificates early, so the lead can assemble the answer.
DAYS_BEFORE_DEADLINE = {
    'dc1': 3, 'dc2': 7, 'references': 7, 'insurance': 7,
    'memo': 5, 'price': 3, 'other': 3,
}


class KeposTenderBid(models.Model):
    """Going "go" turns the bid into a project to write the answer."""
    _inherit = 'kepos.tender.bid'

    def _document_deadline(self, kind):
        if not self.deadline:
            return False
        deadline = fields.Datetime.from_string(self.deadline)
        return fields.Date.to_string(
            deadline - timedelta(days=DAYS_BEFORE_DEADLINE[kind]))

    def _standard_documents(self):
        """The usual answer to a French public tender by a consortium."""
        lead = self.member_ids.filtered('is_lead')
        kinds = dict(self.env['kepos.tender.document']._fields['kind']
                     ._description_selection(self.env))
        docs = [('dc1', lead, False), ('memo', lead, False)]
        docs += [('price', lead, bid_lot) for bid_lot in self.bid_lot_ids]
        for member in self.member_ids:
            docs += [('dc2', member, False), ('references', member, False),
                     ('insurance', member, False)]
        return [{
            'bid_id': self.id,
            'kind': kind,
            'name': '%s – %s' % (kinds[kind], bid_lot.display_name)
                    if bid_lot else kinds[kind],
            'member_id': member.id,
            'bid_lot_id': bid_lot.id if bid_lot else False,
            'deadline': self._document_deadline(kind),
        } for kind, member, bid_lot in docs]

    def _create_documents(self):
        """Add the standard documents the checklist does not have yet."""
        self.ensure_one()
        existing = {(d.kind, d.member_id.id, d.bid_lot_id.id)
                    for d in self.document_ids}
        Document = self.env['kepos.tender.document']
        for vals in self._standard_documents():
            key = (vals['kind'], vals['member_id'], vals['bid_lot_id'])
            if key not in existing:
                Document.create(vals)

    def _create_project(self):
        """One project for the consortium, one task per document.

        The project is the cooperative's planning tool, in its own company
        (members' users, in their companies, cannot open it): members
        provide their documents from the bid's checklist, and attaching a
        file marks the matching task done."""
        self.ensure_one()
        project = self.env['project.project'].sudo().create({
            'name': self.name,
            'partner_id': self.buyer_id.id,
            'privacy_visibility': 'employees',
            'company_id': self.env.ref('base.main_company').id,
        })
        project.message_subscribe(partner_ids=self.env.user.partner_id.ids)
        Task = self.env['project.task'].sudo()
        for document in self.document_ids:
            owner = document.member_id.partner_id.name
            document._kepos_server_write({'task_id': Task.create({
                'name': '%s – %s' % (document.name, owner) if owner
                        else document.name,
                'project_id': project.id,
                'partner_id': document.member_id.partner_id.id,
                'date_deadline': document.deadline,
                'company_id': project.company_id.id,
            }).id})
        self._kepos_server_write({'project_id': project.id})
        self.message_post(body=_('Go: project %s created with %d tasks.') % (
            project.name, len(self.document_ids)))

    def _start_delivery(self):
        """Won: the same project moves on to delivery, one task per member
        for its lots, next to the member's analytic account."""
        self.ensure_one()
        if not self.project_id:
            return
        Task = self.env['project.task'].sudo()
        for member in self.member_ids:
            Task.create({
                'name': _('Delivery: %s – %s') % (
                    ', '.join(member.lot_ids.mapped('display_name')),
                    member.partner_id.name),
                'project_id': self.project_id.id,
                'partner_id': member.partner_id.id,
                'company_id': self.project_id.company_id.id,
                'description': member.role,
            })
        self.project_id.sudo().message_post(body=_(
            'Tender won: delivery starts, one task per consortium member.'))

    @kepos_action(role='staff', access='read')
    def action_open_project(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'project.project',
            'res_id': self.project_id.id,
            'view_mode': 'form',
        }
