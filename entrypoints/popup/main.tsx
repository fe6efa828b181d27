import { render } from 'preact';
import { App } from './App';

render(<App layout="popup" />, document.getElementById('app') as HTMLElement);
