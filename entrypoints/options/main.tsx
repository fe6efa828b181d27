import { render } from 'preact';
import { App } from '../popup/App';

render(<App layout="page" />, document.getElementById('app') as HTMLElement);
