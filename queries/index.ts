/** Every named GROQ query of the project, by audience. */
export * from './public'
export * from './review'
export * from './audit'
export * from './import'
export * from './validation'
export * from './reuse'
