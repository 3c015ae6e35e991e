import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'

/** The reviewer who has the copy: the id decides, the name is what lists show. */
export const reviewAssignee = defineType({
  name: 'reviewAssignee',
  title: 'Reviewer',
  type: 'object',
  icon: UserIcon,
  readOnly: true,
  fields: [
    defineField({name: 'userId', title: 'User id', type: 'string'}),
    defineField({name: 'userName', title: 'Name', type: 'string'}),
  ],
  preview: {select: {title: 'userName', subtitle: 'userId'}},
})
