import {createContext, useContext} from 'react'
import type {Finding} from '../core'

/** Live findings of the document being edited, for inputs deeper in the form. */
export const FindingsContext = createContext<Finding[] | undefined>(undefined)

export const useLiveFindings = () => useContext(FindingsContext)
