throw new Error('the harness must see this');
