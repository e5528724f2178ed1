import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/layout.css';
import './styles/sidebar.css';
import './styles/entries.css';
import './styles/entry.css';
import './styles/toolbar.css';
import './styles/content.css';
import './styles/search.css';
import './styles/blocks.css';
import './styles/plate.css';
import './styles/insert.css';
import './styles/links.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
