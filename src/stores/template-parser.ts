// The journey gives the catalogue store its template parser (see TemplateParser in ./catalogue): imported by
// the journey modules that read templates, so the template schema ships with the journey, not the home page.
import { templateOrMessage } from '@/domain/template/schema'
import { useCatalogue } from './app'

useCatalogue.getState().setTemplateParser(templateOrMessage)
