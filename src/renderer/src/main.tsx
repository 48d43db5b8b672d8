// Renderer entry: mounts the React application.
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<p>Coordination CLSPD</p>);
